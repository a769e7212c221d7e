// Pure: no SQL.
#include "rapport/model/types.h"
#include "rapport/store/store.h"
