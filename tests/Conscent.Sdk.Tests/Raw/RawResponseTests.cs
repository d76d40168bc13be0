using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Conscent.Sdk.Tests.Raw;

/// <summary>A raw response built by hand, as a publisher's mock of <see cref="IConscentClient.SendAsync"/> would.</summary>
public sealed class RawResponseTests
{
    [Fact]
    public void A_hand_made_response_merges_headers_case_insensitively_and_reads_its_body()
    {
        var response = new ConscentRawResponse(
            HttpStatusCode.OK,
            Encoding.UTF8.GetBytes("\uFEFF{\"a\":1}"),
            new[]
            {
                new KeyValuePair<string, IReadOnlyList<string>>("Set-Cookie", new[] { "one" }),
                new KeyValuePair<string, IReadOnlyList<string>>("set-cookie", new[] { "two" }),
                new KeyValuePair<string, IReadOnlyList<string>>("Content-Type", new[] { "application/json; charset=utf-8" }),
            });

        response.Headers["SET-COOKIE"].Should().Equal("one", "two");
        response.ContentType.Should().Be("application/json");
        response.ReadJson().GetProperty("a").GetInt32().Should().Be(1, "a byte-order mark is not part of the JSON");
        response.ReadText().Should().Be("{\"a\":1}");
        response.GetHeader("missing").Should().BeNull();
        response.ToString().Should().Be("ConscentRawResponse { StatusCode = 200, ContentType = application/json, Body = 10 bytes }");
    }

    [Fact]
    public void The_headers_cannot_be_changed_through_the_response()
    {
        var response = new ConscentRawResponse(HttpStatusCode.OK, default, new Dictionary<string, IReadOnlyList<string>> { ["X-A"] = new[] { "1" } });

        (response.Headers is IDictionary<string, IReadOnlyList<string>> d && !d.IsReadOnly).Should().BeFalse();
        (response.Headers["X-A"] is IList<string> l && !l.IsReadOnly).Should().BeFalse();
    }

    [Fact]
    public void A_response_without_body_or_headers_reads_as_empty_text_and_refuses_json()
    {
        var response = new ConscentRawResponse(HttpStatusCode.NoContent);

        response.Headers.Should().BeEmpty();
        response.ContentType.Should().BeNull();
        response.ReadText().Should().BeEmpty();
        FluentActions.Invoking(() => response.ReadJson()).Should().Throw<ConscentSerializationException>()
            .Which.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public void Invalid_json_is_a_serialization_error_with_a_redacted_snippet_and_no_quoted_text()
    {
        var response = new ConscentRawResponse(HttpStatusCode.OK, Encoding.UTF8.GetBytes("{\"email\": reader@example.com}"));

        var ex = FluentActions.Invoking(() => response.ReadJson()).Should().Throw<ConscentSerializationException>().Which;

        ex.Message.Should().Contain("line 0").And.NotContain("reader@example.com");
        ex.BodySnippet.Should().Contain("***@***");
        ex.InnerException!.Message.Should().NotContain("reader@example.com");
    }
}
