using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Conscent.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conscent.Sdk;

/// <summary>
/// Gives the client of each ConsCent account registered with <c>services.AddConscent("brand-a", …)</c>, for a backend
/// that serves several ConsCent client accounts (one per brand). Registered by every <c>AddConscent</c> overload.
/// On .NET 8 and later containers, <c>[FromKeyedServices("brand-a")] IConscentClient</c> resolves the same client.
/// </summary>
public interface IConscentClientFactory
{
    /// <summary>The names of the accounts registered with <c>AddConscent(name, …)</c>, in registration order (the default account is not listed).</summary>
    IReadOnlyList<string> AccountNames { get; }

    /// <summary>
    /// The client of the account registered as <paramref name="accountName"/>; for <c>""</c>
    /// (<see cref="Options.DefaultName"/>) the default account of the unnamed <c>AddConscent</c> (built as that registration
    /// builds <see cref="IConscentClient"/>; a replacement you registered for <see cref="IConscentClient"/> is not used here).
    /// Each call gives a new lightweight client over the account's shared connections and circuit breaker.
    /// </summary>
    /// <exception cref="ArgumentException">No account has that name; the message lists the registered names.</exception>
    IConscentClient GetClient(string accountName);
}

/// <summary>One <c>AddConscent(name, …)</c> registration (a singleton per name).</summary>
internal sealed class ConscentAccountRegistration
{
    public ConscentAccountRegistration(string name, string? section)
    {
        Name = name;
        Section = section;
    }

    public string Name { get; }

    /// <summary>The configuration path the options were bound from, for validation messages; null when configured in code.</summary>
    public string? Section { get; }

    /// <summary>The account's named HttpClient in IHttpClientFactory.</summary>
    public static string HttpClientNameOf(string accountName) => ConscentServiceCollectionExtensions.HttpClientName + ":" + accountName;
}

/// <summary>Validates one named account's options; each message names the account (never a value).</summary>
internal sealed class ConscentAccountOptionsValidator : IValidateOptions<ConscentOptions>
{
    private readonly ConscentAccountRegistration _account;

    public ConscentAccountOptionsValidator(ConscentAccountRegistration account) => _account = account;

    public ValidateOptionsResult Validate(string? name, ConscentOptions options)
    {
        if (!string.Equals(name, _account.Name, StringComparison.Ordinal)) return ValidateOptionsResult.Skip;
        var failures = ConscentOptionsValidator.Check(options, _account.Section);
        if (failures.Count == 0) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(failures.Select(f => $"ConsCent account \"{_account.Name}\": {f}"));
    }
}

/// <summary>
/// Builds clients per account: one runtime (options, circuit breaker, learnt endpoint methods) per account, made on
/// first use and kept; one named HttpClient per account from IHttpClientFactory.
/// </summary>
internal sealed class ConscentClientFactory : IConscentClientFactory
{
    private readonly IServiceProvider _services;
    private readonly HashSet<string> _names;
    private readonly ConcurrentDictionary<string, Lazy<ConscentRuntime>> _runtimes = new(StringComparer.Ordinal);

    public ConscentClientFactory(IServiceProvider services, IEnumerable<ConscentAccountRegistration> accounts)
    {
        _services = services;
        AccountNames = accounts.Select(a => a.Name).Distinct(StringComparer.Ordinal).ToArray();
        _names = new HashSet<string>(AccountNames, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> AccountNames { get; }

    public IConscentClient GetClient(string accountName)
    {
        if (accountName is null) throw new ArgumentNullException(nameof(accountName));
        if (accountName.Length == 0)
        {
            // Built here, as the unnamed registration builds it, rather than resolved from the root provider, which
            // would hold on to every client it made until the app ends.
            var defaultRuntime = _services.GetService<ConscentRuntime>() ?? throw Unknown(accountName);
            return Create(ConscentServiceCollectionExtensions.HttpClientName, defaultRuntime);
        }
        if (!_names.Contains(accountName)) throw Unknown(accountName);

        // One runtime per account, so the account keeps a single circuit breaker. PublicationOnly: a failure (invalid
        // options) is not cached, and of two first calls at once only one runtime is ever used.
        var runtime = _runtimes.GetOrAdd(accountName, name => new Lazy<ConscentRuntime>(() => CreateRuntime(name), System.Threading.LazyThreadSafetyMode.PublicationOnly)).Value;
        return Create(ConscentAccountRegistration.HttpClientNameOf(accountName), runtime);
    }

    private ConscentClient Create(string httpClientName, ConscentRuntime runtime) =>
        new(new ConscentHttpPipeline(
            _services.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            runtime,
            _services.GetService<ILoggerFactory>()?.CreateLogger("Conscent.Sdk")));

    private ConscentRuntime CreateRuntime(string name) =>
        // IOptionsMonitor validates the named options first: its exception names the account.
        new(_services.GetRequiredService<IOptionsMonitor<ConscentOptions>>().Get(name), _services.GetService<TimeProvider>(), name)
        {
            ReplayGuard = _services.GetService<IConsumptionReplayGuard>(),
        };

    private ArgumentException Unknown(string accountName)
    {
        var registered = AccountNames.Count == 0 ? "none" : string.Join(", ", AccountNames.Select(n => "\"" + n + "\""));
        var message = accountName.Length == 0
            ? $"No default ConsCent account is registered (services.AddConscent(configuration) or AddConscent(o => …)). Named accounts: {registered}."
            : $"No ConsCent account named \"{accountName}\" is registered. Named accounts: {registered}. Register it with services.AddConscent(\"{accountName}\", …).";
        return new ArgumentException(message, nameof(accountName));
    }
}
