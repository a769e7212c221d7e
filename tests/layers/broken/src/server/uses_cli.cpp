// The server must not reach into the CLI.
#include <string>
#include "cli/cli.h"
