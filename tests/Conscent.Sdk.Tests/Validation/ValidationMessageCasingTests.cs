using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Stats;

namespace Conscent.Sdk.Tests.Validation;

/// <summary>
/// Validation errors name fields in one casing, the camelCase wire names (<c>from</c>, <c>phoneNumber</c>), in the field
/// and in the message alike: a message never names a field by its C# property name (<c>To</c>, <c>PhoneNumber</c>).
/// </summary>
public sealed class ValidationMessageCasingTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Earlier.AddDays(3);

    private static ConscentClient NeverSends() =>
        SeriesTestSupport.Client(new DelegateHandler(_ => throw new InvalidOperationException("a request that fails validation must not be sent")));

    /// <summary>Failing requests, each with the C# types whose property names must not appear in its messages.</summary>
    public static TheoryData<string> Cases() => new() { "purchases from after to", "user purchases without a user", "auto-login without email or phone", "migrate without email or phone", "daily series with offset and time zone", "raw path with a query" };

    private static async Task<(ConscentValidationException Error, Type[] Types)> Fail(string name)
    {
        using var client = NeverSends();
        Func<Task> call = name switch
        {
            "purchases from after to" => () => { client.Purchases.ListSubscriptionsAsync(new PurchaseQuery { From = Later, To = Earlier }); return Task.CompletedTask; },
            "user purchases without a user" => () => client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { From = Later, To = Earlier }),
            "auto-login without email or phone" => () => client.AutoLogin.GenerateTokenAsync(new GenerateTempTokenRequest()),
            "migrate without email or phone" => () => client.Subscriptions.MigrateAsync(new MigrateSubscriptionRequest()),
            "daily series with offset and time zone" => () => client.Stats.GetDailySeriesAsync(Earlier, Later, new DailySeriesOptions { UtcOffset = TimeSpan.FromHours(5.5), TimeZone = TimeZoneInfo.Utc }),
            "raw path with a query" => () => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/client/purchases?userId=1")),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var types = name switch
        {
            "purchases from after to" or "user purchases without a user" => new[] { typeof(PurchaseQuery) },
            "auto-login without email or phone" => new[] { typeof(GenerateTempTokenRequest) },
            "migrate without email or phone" => new[] { typeof(MigrateSubscriptionRequest) },
            "daily series with offset and time zone" => new[] { typeof(DailySeriesOptions) },
            _ => new[] { typeof(ConscentRawRequest) },
        };
        var error = (await call.Should().ThrowAsync<ConscentValidationException>()).Which;
        return (error, types);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validation_messages_name_fields_by_their_camelCase_wire_names_never_their_PascalCase_properties(string name)
    {
        var (error, types) = await Fail(name);
        var properties = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        error.Errors.Should().NotBeEmpty();
        foreach (var e in error.Errors)
        {
            e.Field.Should().MatchRegex("^[a-z]", "fields are camelCase wire names");
            var words = Regex.Matches(e.Message, @"\b[A-Za-z]+\b").Select(m => m.Value);
            words.Where(properties.Contains).Should().BeEmpty($"\"{e.Field}: {e.Message}\" names fields as the wire does, in camelCase");
        }
    }

    [Fact]
    public async Task A_date_range_message_names_the_other_bound_in_camelCase()
    {
        var (error, _) = await Fail("purchases from after to");

        error.Errors.Should().ContainSingle().Which.Message.Should().Be("must not be after to.");
        error.Message.Should().Contain("from: must not be after to.");
    }

    [Fact]
    public async Task The_auto_login_message_names_email_and_phoneNumber_as_the_wire_does()
    {
        var (error, _) = await Fail("auto-login without email or phone");

        var only = error.Errors.Should().ContainSingle().Which;
        only.Field.Should().Be("email");
        only.Message.Should().Be("or phoneNumber is required (give at least one of email and phoneNumber).");
    }
}
