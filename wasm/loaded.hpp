// The rulesets the engine was given at start (loadRulesets), for the workbench's functions beside the page's.
#pragma once

#include "rules/ruleset.hpp"

yibao::Catalog& loaded_catalog();
