#pragma once
// JSON, SQL and HTTP stay in .cpp files.
#include <httplib.h>
