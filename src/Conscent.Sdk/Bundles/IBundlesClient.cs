namespace Conscent.Sdk.Bundles;

/// <summary>Content bundles: register, edit and list sellable groups of content.</summary>
public interface IBundlesClient
{
}
