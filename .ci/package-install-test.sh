#!/usr/bin/env bash
# Packs Conscent.Sdk and Conscent.Sdk.Testing into a local folder, installs them into a brand-new console project
# outside the repository (no Directory.Build.props, no project references), and calls the SDK against the simulator.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A version of its own, so NuGet's cache can never hand back an older package with the same number.
# The repository's major.minor.patch, so this pack's assemblies carry the same assembly version as the Release build's.
version="$(sed -n 's:.*<Version>\([0-9][0-9.]*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)-ci.$(date +%s)"

dotnet pack "$repo/src/Conscent.Sdk/Conscent.Sdk.csproj" -c Release -o "$work/feed" -p:Version="$version" -v q -nologo
dotnet pack "$repo/src/Conscent.Sdk.Testing/Conscent.Sdk.Testing.csproj" -c Release -o "$work/feed" -p:Version="$version" -v q -nologo
ls "$work/feed"/*.nupkg "$work/feed"/*.snupkg >/dev/null

mkdir -p "$work/app"
cd "$work/app"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > App.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Conscent.Sdk" Version="$version" />
    <PackageReference Include="Conscent.Sdk.Testing" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > Program.cs <<'CS'
using Conscent.Sdk;
using Conscent.Sdk.Testing;

using var simulator = new ConscentSimulator();
using var client = new ConscentClient(simulator.CreateOptions(), simulator.Handler);
var created = await client.Content.CreateAsync(new CreateContentRequest { ContentId = "pkg-test-1", Title = "Installed from a package", Url = "https://example.com/a", Price = 2 });
var read = await client.Content.GetAsync("pkg-test-1");
if (created.Content?.ContentId != "pkg-test-1" || read.Title != "Installed from a package") { Console.WriteLine("package install test: unexpected answer"); return 1; }
try
{
    await client.Content.CreateAsync(new CreateContentRequest { ContentId = "bad id" });
    return 1;
}
catch (ConscentValidationException ex) when (ex.Errors.Count >= 3)
{
}
Console.WriteLine("package install test: ok");
return 0;
CS
# The local feed (nuget.config above) plus the machine's usual package source for the SDK's own dependencies.
dotnet restore -v q -nologo
dotnet run --no-restore -v q -nologo
