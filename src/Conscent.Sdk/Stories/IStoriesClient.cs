using System;

namespace Conscent.Sdk.Stories;

/// <summary>The deprecated "story" API (ConsCent's older docs). Use <see cref="Content.IContentClient"/> instead.</summary>
[Obsolete("The story API is deprecated by ConsCent. Use IConscentClient.Content (and Stats) instead.")]
public interface IStoriesClient
{
}
