#pragma once
// The bottom layer includes nothing of ours.
#include "rapport/model/error.h"
#include "rapport/playbook/stage.h"
