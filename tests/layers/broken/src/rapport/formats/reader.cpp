#include "rapport/messages/lint.h"
