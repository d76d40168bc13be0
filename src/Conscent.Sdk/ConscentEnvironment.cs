namespace Conscent.Sdk;

/// <summary>The ConsCent environment a client talks to. Pick <see cref="Sandbox"/> while integrating.</summary>
public enum ConscentEnvironment
{
    /// <summary>ConsCent's sandbox, <c>https://sandbox-api.conscent.in</c>: test payments, no real money.</summary>
    Sandbox = 0,

    /// <summary>ConsCent's production API, <c>https://api.conscent.in</c>: real readers, real money.</summary>
    Production = 1,
}
