package devopsagent

// This file holds the AWS partition table the endpoint resolvers need.
// aws-sdk-go-v2 keeps its copy in an internal package, which other
// modules cannot import, so the few facts used here are kept as our own
// data: the region ids and region pattern of each partition, its
// dual-stack DNS suffix (the endpoint rules resolve only dual-stack
// endpoints), and for the legacy resolver its plain DNS suffix and
// whether that resolver knows a dual-stack endpoint there.

import (
	"regexp"
	"slices"
)

// partition describes one AWS partition.
type partition struct {
	id                 string
	regions            []string
	regionPattern      *regexp.Regexp
	dualStackDNSSuffix string

	// dnsSuffix is the suffix of the legacy resolver's plain and FIPS
	// endpoints.
	dnsSuffix string

	// legacyDualStack is set when the legacy resolver has dual-stack
	// endpoints in the partition.
	legacyDualStack bool
}

// partitions is in the order the partition function searches them.
var partitions = []partition{
	{
		id: "aws",
		regions: []string{
			"af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1",
			"ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
			"ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
			"ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
			"ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1",
			"eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
			"eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
			"il-central-1", "me-central-1", "me-south-1", "me-west-1",
			"mx-central-1", "sa-east-1", "sa-west-1", "us-east-1",
			"us-east-2", "us-west-1", "us-west-2",
		},
		regionPattern:      regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.aws",
		dnsSuffix:          "amazonaws.com",
		legacyDualStack:    true,
	},
	{
		id:                 "aws-cn",
		regions:            []string{"aws-cn-global", "cn-north-1", "cn-northwest-1"},
		regionPattern:      regexp.MustCompile(`^cn\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.amazonwebservices.com.cn",
		dnsSuffix:          "amazonaws.com.cn",
		legacyDualStack:    true,
	},
	{
		id:                 "aws-eusc",
		regions:            []string{"eusc-de-east-1"},
		regionPattern:      regexp.MustCompile(`^eusc\-(de)\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.amazonwebservices.eu",
		dnsSuffix:          "amazonaws.eu",
		legacyDualStack:    true,
	},
	{
		id:                 "aws-iso",
		regions:            []string{"aws-iso-global", "us-iso-east-1", "us-iso-west-1"},
		regionPattern:      regexp.MustCompile(`^us\-iso\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.aws.ic.gov",
		dnsSuffix:          "c2s.ic.gov",
	},
	{
		id:                 "aws-iso-b",
		regions:            []string{"aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"},
		regionPattern:      regexp.MustCompile(`^us\-isob\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.aws.scloud",
		dnsSuffix:          "sc2s.sgov.gov",
	},
	{
		id:                 "aws-iso-e",
		regions:            []string{"aws-iso-e-global", "eu-isoe-west-1"},
		regionPattern:      regexp.MustCompile(`^eu\-isoe\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.cloud-aws.adc-e.uk",
		dnsSuffix:          "cloud.adc-e.uk",
	},
	{
		id:                 "aws-iso-f",
		regions:            []string{"aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"},
		regionPattern:      regexp.MustCompile(`^us\-isof\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.aws.hci.ic.gov",
		dnsSuffix:          "csp.hci.ic.gov",
	},
	{
		id:                 "aws-us-gov",
		regions:            []string{"aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"},
		regionPattern:      regexp.MustCompile(`^us\-gov\-\w+\-\d+$`),
		dualStackDNSSuffix: "api.aws",
		dnsSuffix:          "amazonaws.com",
		legacyDualStack:    true,
	},
}

// partitionFor returns the partition of region: the partition listing the
// region id, else the first whose region pattern matches, else "aws".
func partitionFor(region string) partition {
	for _, p := range partitions {
		if slices.Contains(p.regions, region) {
			return p
		}
	}

	for _, p := range partitions {
		if p.regionPattern.MatchString(region) {
			return p
		}
	}

	return partitions[0]
}

// legacyPartitionFor returns the partition the legacy resolver uses for
// region: the first whose region pattern matches, else "aws". Unlike
// partitionFor it does not look at the region ids, so "aws-cn-global"
// lands in "aws".
func legacyPartitionFor(region string) partition {
	for _, p := range partitions {
		if p.regionPattern.MatchString(region) {
			return p
		}
	}
	return partitions[0]
}
