// A publisher's backend on ConsCent: unlock paid articles, register content, receive webhooks.
//
//   dotnet user-secrets set "Conscent:ApiSecret" "<your secret>"   (or: export Conscent__ApiSecret=…)
//   dotnet run
//
// Everything is wired in PublisherApp.Build, so the tests start the very same app.
using PublisherBackend;

var app = PublisherApp.Build(args);
app.Run();

/// <summary>The app's entry point, visible to the tests.</summary>
public partial class Program { }
