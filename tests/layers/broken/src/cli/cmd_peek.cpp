// A command that reads a table instead of asking app/.
#include "rapport/app/app.h"
#include "rapport/store/store.h"
