namespace Conscent.Sdk.AutoLogin;

/// <summary>Auto-login: temporary tokens that sign a reader into the ConsCent paywall.</summary>
public interface IAutoLoginClient
{
}
