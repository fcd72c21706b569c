#!/usr/bin/env bash
# Rewrites src/Ogi/Templates/TemplateData.g.cs from src/Ogi/Templates/Data/*.json: the templates as C# object
# initializers, which ogi builds at start-up instead of reading the JSON (see TemplateCatalog). TemplateCodeTests
# fail while the file is not what the JSON gives; run this after editing a template.
#
# Usage: scripts/update-templates.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OGI_UPDATE_TEMPLATE_CODE=1 dotnet test tests/Ogi.Tests -c Release -nologo --filter "FullyQualifiedName~TemplateCodeTests"
echo "update-templates: src/Ogi/Templates/TemplateData.g.cs written from src/Ogi/Templates/Data/*.json"
