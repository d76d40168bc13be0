using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Conscent.Sdk.Tests;

/// <summary>
/// One naming for date ranges across the public API, ConsCent's own query names: a method's range bounds are the
/// parameters <c>from</c> and <c>to</c>; a request or query type's are the properties <c>From</c> and <c>To</c>.
/// </summary>
public class DateRangeNamingTests
{
    private static readonly string[] OtherBoundNames = { "fromdate", "todate", "startdate", "enddate", "datefrom", "dateto", "start", "end", "begin", "since", "until", "startdatetime", "enddatetime", "fromtime", "totime" };

    /// <summary>The client interfaces a publisher calls: IConscentClient and its areas.</summary>
    private static IEnumerable<Type> ClientInterfaces() =>
        typeof(IConscentClient).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == "Conscent.Sdk" && t.Name.EndsWith("Client", StringComparison.Ordinal));

    private static IEnumerable<MethodInfo> Methods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    private static bool IsDate(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateTimeOffset) || t == typeof(DateTime);
    }

    /// <summary>The SDK's own types a client method takes, and the SDK types they hold, transitively.</summary>
    private static HashSet<Type> InputTypes()
    {
        var found = new HashSet<Type>();
        var pending = new Queue<Type>(ClientInterfaces().SelectMany(Methods).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (type.IsGenericType) foreach (var argument in type.GetGenericArguments()) pending.Enqueue(argument);
            if (type.Assembly != typeof(IConscentClient).Assembly || type.IsInterface || type.IsEnum || !found.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) pending.Enqueue(property.PropertyType);
        }
        return found;
    }

    [Fact]
    public void Every_date_parameter_of_the_client_interfaces_is_a_range_bound_named_from_or_to()
    {
        var dateParameters = ClientInterfaces()
            .SelectMany(i => Methods(i).SelectMany(m => m.GetParameters().Where(p => IsDate(p.ParameterType)).Select(p => (Where: $"{i.Name}.{m.Name}({p.Name})", p.Name))))
            .ToList();

        dateParameters.Should().NotBeEmpty("the stats and story clients take date ranges");
        dateParameters.Where(p => p.Name is not ("from" or "to")).Select(p => p.Where).Should().BeEmpty("a date range is (from, to), as ConsCent's query names are");
        dateParameters.Select(p => p.Where).Should().Contain("IStatsClient.GetDailySeriesAsync(from)").And.Contain("IStatsClient.GetDailySeriesAsync(to)");
    }

    [Fact]
    public void No_client_method_parameter_names_a_range_bound_another_way()
    {
        var parameters = ClientInterfaces()
            .SelectMany(i => Methods(i).SelectMany(m => m.GetParameters().Select(p => (Where: $"{i.Name}.{m.Name}({p.Name})", Name: p.Name!))));

        parameters.Where(p => OtherBoundNames.Contains(p.Name.ToLowerInvariant())).Select(p => p.Where).Should().BeEmpty();
    }

    [Fact]
    public void Request_and_query_types_name_their_range_bounds_From_and_To()
    {
        var inputs = InputTypes();
        var properties = inputs.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Where: $"{t.Name}.{p.Name}", p.Name, p.PropertyType))).ToList();

        inputs.Should().Contain(typeof(PurchaseQuery));
        properties.Where(p => OtherBoundNames.Contains(p.Name.ToLowerInvariant())).Select(p => p.Where).Should().BeEmpty("range bounds are From and To");
        properties.Where(p => p.Name is "From" or "To").Should().OnlyContain(p => IsDate(p.PropertyType), "From and To are dates wherever they appear");
        properties.Select(p => p.Where).Should().Contain(new[] { "PurchaseQuery.From", "PurchaseQuery.To" });
    }
}
