package devopsagent

// This file adds the hooks of Options.Interceptors to a call's middleware
// stack, using smithy-go's public interceptor middlewares at the points
// the aws-sdk-go-v2 clients use:
//
//	Initialize   BeforeExecution / AfterExecution around everything
//	Serialize    BeforeSerialization / AfterSerialization around the
//	             OperationSerializer
//	Finalize     BeforeRetryLoop before Retry; BeforeAttempt /
//	             AfterAttempt around each attempt; BeforeSigning /
//	             AfterSigning around Signing
//	Deserialize  BeforeTransmit / AfterTransmit around sending;
//	             BeforeDeserialization / AfterDeserialization around the
//	             OperationDeserializer
//
// The middlewares share one InterceptorContext that InterceptExecution
// creates, so they are added all together or, without interceptors, not
// at all.

import (
	"errors"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// addInterceptors adds the interceptor middlewares when r holds any
// interceptor.
func addInterceptors(stack *middleware.Stack, r smithyhttp.InterceptorRegistry) error {
	if !hasInterceptors(r) {
		return nil
	}

	return errors.Join(
		stack.Initialize.Add(&smithyhttp.InterceptExecution{
			BeforeExecution: r.BeforeExecution,
			AfterExecution:  r.AfterExecution,
		}, middleware.Before),
		addSerializeInterceptors(stack, r),
		addFinalizeInterceptors(stack, r),
		addDeserializeInterceptors(stack, r),
	)
}

// hasInterceptors reports whether r holds any interceptor.
func hasInterceptors(r smithyhttp.InterceptorRegistry) bool {
	counts := []int{
		len(r.BeforeExecution), len(r.BeforeSerialization), len(r.AfterSerialization),
		len(r.BeforeRetryLoop), len(r.BeforeAttempt), len(r.BeforeSigning),
		len(r.AfterSigning), len(r.BeforeTransmit), len(r.AfterTransmit),
		len(r.BeforeDeserialization), len(r.AfterDeserialization), len(r.AfterAttempt),
		len(r.AfterExecution),
	}
	for _, n := range counts {
		if n > 0 {
			return true
		}
	}
	return false
}

func addSerializeInterceptors(stack *middleware.Stack, r smithyhttp.InterceptorRegistry) error {
	const serializer = "OperationSerializer"
	return errors.Join(
		stack.Serialize.Insert(&smithyhttp.InterceptBeforeSerialization{
			Interceptors: r.BeforeSerialization,
		}, serializer, middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptAfterSerialization{
			Interceptors: r.AfterSerialization,
		}, serializer, middleware.After),
	)
}

func addFinalizeInterceptors(stack *middleware.Stack, r smithyhttp.InterceptorRegistry) error {
	const retryLoop, signing = "Retry", "Signing"
	return errors.Join(
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeRetryLoop{
			Interceptors: r.BeforeRetryLoop,
		}, retryLoop, middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAttempt{
			BeforeAttempt: r.BeforeAttempt,
			AfterAttempt:  r.AfterAttempt,
		}, retryLoop, middleware.After),
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeSigning{
			Interceptors: r.BeforeSigning,
		}, signing, middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAfterSigning{
			Interceptors: r.AfterSigning,
		}, signing, middleware.After),
	)
}

// addDeserializeInterceptors adds the transmit hooks innermost, next to
// the transport, and the deserialization hooks around the deserializer.
// The deserialize step runs its middlewares' second halves in reverse,
// so BeforeDeserialization sits after the deserializer in the list.
func addDeserializeInterceptors(stack *middleware.Stack, r smithyhttp.InterceptorRegistry) error {
	const deserializer = "OperationDeserializer"
	return errors.Join(
		stack.Deserialize.Add(&smithyhttp.InterceptTransmit{
			BeforeTransmit: r.BeforeTransmit,
			AfterTransmit:  r.AfterTransmit,
		}, middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptBeforeDeserialization{
			Interceptors: r.BeforeDeserialization,
		}, deserializer, middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptAfterDeserialization{
			Interceptors: r.AfterDeserialization,
		}, deserializer, middleware.Before),
	)
}
