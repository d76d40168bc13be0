using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Conscent.Cli;

/// <summary>Which ConsCent a command talks to.</summary>
internal enum TargetKind
{
    /// <summary>ConsCent's sandbox.</summary>
    Sandbox,

    /// <summary>ConsCent's production API.</summary>
    Production,

    /// <summary>Another base address (a local simulator, a proxy).</summary>
    Url,
}

/// <summary>
/// Where a command sends its calls and with which credentials. The secret is only handed to the SDK: it is in no
/// <see cref="ToString"/>, message or log line.
/// </summary>
internal sealed class ConnectionSettings
{
    public ConnectionSettings(string apiKey, string apiSecret, string? clientId, TargetKind target, Uri? baseAddress, string source)
    {
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        ClientId = clientId;
        Target = target;
        BaseAddress = baseAddress;
        Source = source;
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public string? ClientId { get; }

    public TargetKind Target { get; }

    /// <summary>Set when <see cref="Target"/> is <see cref="TargetKind.Url"/>.</summary>
    public Uri? BaseAddress { get; }

    /// <summary>Where the credentials came from, for messages: "environment variables", "profile 'staging'", …</summary>
    public string Source { get; }

    public override string ToString() => $"ConsCent {Describe(Target, BaseAddress)} with credentials from {Source}";

    public static string Describe(TargetKind target, Uri? baseAddress) => target switch
    {
        TargetKind.Production => "production",
        TargetKind.Url => baseAddress?.GetLeftPart(UriPartial.Authority) ?? "(no address)",
        _ => "sandbox",
    };
}

/// <summary>
/// Finds the credentials, whole, from one source (never a key from one place and a secret from another):
/// <list type="number">
/// <item><description><c>--profile NAME</c> (or <c>CONSCENT_PROFILE</c>): that profile of the profile file;</description></item>
/// <item><description>else <c>CONSCENT_API_KEY</c> / <c>CONSCENT_API_SECRET</c> / <c>CONSCENT_CLIENT_ID</c> / <c>CONSCENT_ENVIRONMENT</c>;</description></item>
/// <item><description>else user secrets (<c>Conscent:ApiKey</c>, <c>Conscent:ApiSecret</c>, …, id <c>conscent-cli</c>);</description></item>
/// <item><description>else the profile named <c>default</c>, when the profile file has one.</description></item>
/// </list>
/// <c>--environment</c> overrides the environment of whichever source was used.
/// </summary>
internal static class ConnectionResolver
{
    public const string NoCredentials =
        "no ConsCent credentials: set CONSCENT_API_KEY and CONSCENT_API_SECRET (and CONSCENT_CLIENT_ID), store them with " +
        "`dotnet user-secrets set --id conscent-cli Conscent:ApiSecret …`, pass --profile NAME, or try --simulator.";

    public static ConnectionSettings Resolve(CliHost host, string? profileOption, string? environmentOption)
    {
        var overrideTarget = environmentOption is null ? ((TargetKind, Uri?)?)null : ParseEnvironment(environmentOption, "--environment");
        var source = FromProfile(host, profileOption ?? Env(host, "CONSCENT_PROFILE"), required: true)
            ?? FromEnvironment(host)
            ?? FromUserSecrets(host)
            ?? FromProfile(host, "default", required: false)
            ?? throw CliException.Usage(NoCredentials);
        var (target, address) = overrideTarget ?? source.Target;
        return new ConnectionSettings(source.ApiKey, source.ApiSecret, source.ClientId, target, address, source.Name);
    }

    /// <summary><c>sandbox</c>, <c>production</c> (any case) or an absolute http(s) URL.</summary>
    public static (TargetKind, Uri?) ParseEnvironment(string value, string what)
    {
        var text = value.Trim();
        if (text.Equals("sandbox", StringComparison.OrdinalIgnoreCase)) return (TargetKind.Sandbox, null);
        if (text.Equals("production", StringComparison.OrdinalIgnoreCase)) return (TargetKind.Production, null);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            if (!string.IsNullOrEmpty(uri.UserInfo)) throw CliException.Usage($"{what}: put credentials in CONSCENT_API_KEY/CONSCENT_API_SECRET or a profile, not in the URL.");
            return (TargetKind.Url, uri);
        }
        throw CliException.Usage($"{what} must be sandbox, production or an http(s) URL.");
    }

    private sealed record Source(string ApiKey, string ApiSecret, string? ClientId, (TargetKind, Uri?) Target, string Name);

    private static string? Env(CliHost host, string name) => host.GetEnvironmentVariable(name) is { Length: > 0 } v ? v.Trim() : null;

    private static Source? FromEnvironment(CliHost host)
    {
        string? key = Env(host, "CONSCENT_API_KEY"), secret = Env(host, "CONSCENT_API_SECRET");
        if (key is null && secret is null) return null;
        if (key is null) throw CliException.Usage("CONSCENT_API_SECRET is set but CONSCENT_API_KEY is not: set both.");
        if (secret is null) throw CliException.Usage("CONSCENT_API_KEY is set but CONSCENT_API_SECRET is not: set both.");
        var target = Env(host, "CONSCENT_ENVIRONMENT") is { } env ? ParseEnvironment(env, "CONSCENT_ENVIRONMENT") : (TargetKind.Sandbox, null);
        return new Source(key, secret, Env(host, "CONSCENT_CLIENT_ID"), target, "environment variables");
    }

    private static Source? FromUserSecrets(CliHost host)
    {
        if (host.UserSecretsPath is not { } path || !File.Exists(path)) return null;
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: true, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or JsonException)
        {
            throw CliException.Usage($"the user-secrets file of conscent-cli is not valid JSON ({path}).");
        }
        var section = configuration.GetSection("Conscent");
        string? key = Trimmed(section["ApiKey"]), secret = Trimmed(section["ApiSecret"]);
        if (key is null && secret is null) return null;
        if (key is null || secret is null) throw CliException.Usage("user secrets (conscent-cli) need both Conscent:ApiKey and Conscent:ApiSecret.");
        var target = Trimmed(section["Environment"]) is { } env ? ParseEnvironment(env, "Conscent:Environment in user secrets") : (TargetKind.Sandbox, null);
        return new Source(key, secret, Trimmed(section["ClientId"]), target, "user secrets");
    }

    private static Source? FromProfile(CliHost host, string? name, bool required)
    {
        if (name is null) return null;
        var profiles = ProfileFile.Load(host, required);
        if (profiles is null) return null;
        if (!profiles.TryGetValue(name, out var profile))
        {
            if (!required) return null;
            var known = profiles.Count == 0 ? "it defines none" : "it defines " + string.Join(", ", profiles.Keys.OrderBy(k => k, StringComparer.Ordinal));
            throw CliException.Usage($"profile '{name}' is not in {host.ProfilesPath} ({known}).");
        }
        if (profile.ApiKey is null || profile.ApiSecret is null)
            throw CliException.Usage($"profile '{name}' needs both apiKey and apiSecret ({host.ProfilesPath}).");
        var target = profile.Environment is { } env ? ParseEnvironment(env, $"profile '{name}': environment") : (TargetKind.Sandbox, null);
        return new Source(profile.ApiKey, profile.ApiSecret, profile.ClientId, target, $"profile '{name}'");
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One profile of the profile file.</summary>
internal sealed record Profile(string? ApiKey, string? ApiSecret, string? ClientId, string? Environment);

/// <summary>
/// The profile file: JSON, <c>{"profiles": {"NAME": {"apiKey": …, "apiSecret": …, "clientId": …, "environment": …}}}</c>
/// (docs/cli.md). Keep it readable by you alone (<c>chmod 600</c>); the tool warns when others can read it.
/// </summary>
internal static class ProfileFile
{
    public static IReadOnlyDictionary<string, Profile>? Load(CliHost host, bool required)
    {
        var path = host.ProfilesPath;
        if (path is null || !File.Exists(path))
        {
            if (required) throw CliException.Usage($"--profile needs the profile file, and there is none at {path ?? "(no configuration folder)"}; set CONSCENT_PROFILES_FILE or see docs/cli.md.");
            return null;
        }

        WarnIfOthersCanRead(host, path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            // The parser's message gives the position only, never the file's text.
            throw CliException.Usage($"the profile file {path} is not valid JSON (line {ex.LineNumber + 1}).");
        }

        using (document)
        {
            var result = new Dictionary<string, Profile>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
                throw CliException.Usage($"the profile file {path} needs a top-level \"profiles\" object (see docs/cli.md).");
            foreach (var entry in profiles.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Object) throw CliException.Usage($"profile '{entry.Name}' in {path} must be an object.");
                result[entry.Name] = new Profile(Str(entry.Value, "apiKey"), Str(entry.Value, "apiSecret"), Str(entry.Value, "clientId"), Str(entry.Value, "environment"));
            }
            return result;
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static void WarnIfOthersCanRead(CliHost host, string path)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
                host.Error.WriteLine($"warning: {path} holds API secrets and others can read it; run: chmod 600 {path}");
        }
        catch (IOException)
        {
        }
    }
}
