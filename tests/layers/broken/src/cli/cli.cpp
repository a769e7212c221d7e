// The composition root: it alone may open the database.
#include "rapport/store/database.h"
#include "rapport/store/store.h"
#include "server/server.h"
#include "rapport/app/app.h"
