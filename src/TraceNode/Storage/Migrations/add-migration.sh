#!/usr/bin/env bash
# Adds migration NAME to both provider migration sets (SQLite and PostgreSQL), from the repository root or anywhere:
#   src/TraceNode/Storage/Migrations/add-migration.sh NAME
# Uses `dotnet ef` when the global tool is installed; otherwise runs the same ef.dll from the
# Microsoft.EntityFrameworkCore.Tools package (restored into the NuGet cache by a throwaway project).
set -euo pipefail
name=${1:?usage: add-migration.sh NAME}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/../.." && pwd)
root=$(cd "$project/../.." && pwd)
bin=$project/bin/Debug/net10.0

dotnet build "$project" -c Debug -nologo -v q

if dotnet ef --version >/dev/null 2>&1; then
  for provider in Sqlite Postgres; do
    dotnet ef migrations add "$name" --no-build --project "$project" \
      --context "${provider}TraceDbContext" --output-dir "Storage/Migrations/$provider"
  done
  exit 0
fi

version=$(sed -n 's/.*"Microsoft.EntityFrameworkCore.Design" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
ef=$packages/microsoft.entityframeworkcore.tools/$version/tools/net8.0/any/ef.dll
if [ ! -f "$ef" ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  cat > "$scratch/restore-ef-tools.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.EntityFrameworkCore.Tools" Version="$version" /></ItemGroup>
</Project>
XML
  dotnet restore "$scratch/restore-ef-tools.csproj" -nologo -v q
fi

for provider in Sqlite Postgres; do
  dotnet exec --depsfile "$bin/Trace.Node.deps.json" --additionalprobingpath "$packages" \
    --runtimeconfig "$bin/Trace.Node.runtimeconfig.json" "$ef" \
    migrations add "$name" --assembly "$bin/Trace.Node.dll" --startup-assembly "$bin/Trace.Node.dll" \
    --project "$project/TraceNode.csproj" --project-dir "$project/" --root-namespace Trace.Node \
    --language C# --framework net10.0 --working-dir "$project" \
    --context "${provider}TraceDbContext" --output-dir "Storage/Migrations/$provider"
done
