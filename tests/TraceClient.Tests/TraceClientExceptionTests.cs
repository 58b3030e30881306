using Grpc.Core;

namespace Trace.Client.Tests;

public class TraceClientExceptionTests
{
    [Fact]
    public void An_invalid_argument_answer_becomes_an_invalid_input_error_naming_the_field()
    {
        var error = TraceClientException.From(new RpcException(new Status(StatusCode.InvalidArgument, "record_json.salt: must be a random 32-byte value")));

        var invalid = Assert.IsType<TraceInvalidInputException>(error);
        Assert.Equal("record_json.salt", invalid.Field);
        Assert.Contains("32-byte", invalid.Message);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, typeof(TraceRecordNotFoundException))]
    [InlineData(StatusCode.PermissionDenied, typeof(TraceIssuerNotPermittedException))]
    [InlineData(StatusCode.FailedPrecondition, typeof(TraceRecordNotReadyException))]
    [InlineData(StatusCode.Unavailable, typeof(TraceNodeUnavailableException))]
    [InlineData(StatusCode.DeadlineExceeded, typeof(TraceNodeUnavailableException))]
    [InlineData(StatusCode.Internal, typeof(TraceClientException))]
    public void Each_status_becomes_its_typed_error(StatusCode code, Type expected)
    {
        var error = TraceClientException.From(new RpcException(new Status(code, "detail")));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.StatusCode);
        Assert.IsType<RpcException>(error.InnerException);
    }

    [Fact]
    public void A_message_without_a_field_prefix_names_no_field()
    {
        var error = (TraceInvalidInputException)TraceClientException.From(new RpcException(new Status(StatusCode.InvalidArgument, "the stream is empty: send a header")));
        Assert.Null(error.Field);
    }
}
