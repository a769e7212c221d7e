// A page that skips app/.
#include "rapport/app/app.h"
#include "rapport/playbook/agenda.h"
#include "rapport/messages/templates.h"
  #  include "rapport/formats/markdown.h"
