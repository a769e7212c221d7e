// The core never knows its faces.
#include "rapport/store/store.h"
#include "rapport/formats/people.h"
#include "cli/cli.h"
#include <nlohmann/json.hpp>
