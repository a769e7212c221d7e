# Checks that every #include in src/ respects the layers
# (docs/architecture.md, "The layers and what each boundary enforces").
#
#   cmake -DROOT=<a tree with src/> -P cmake/check_layers.cmake
#
# CMakeLists.txt runs it at configure time, so an include that skips a layer
# stops the build before anything compiles; tests/layers/ runs it against a
# fixture tree full of violations. Every library shares the include root
# (src/), so linking alone cannot refuse such an include: this scan does.
# Prints one line per violation, "FILE:LINE: rule broken", and fails.

cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "check_layers: pass -DROOT=<directory holding src/>")
endif()

# The folders a layer's files may include from, besides their own. A face
# reaches messages/, formats/ and store/ only through app/; model/ (value
# types) and playbook/ (pure rules: stages, actions) are the vocabulary
# app/'s headers speak, so faces may name them too.
set(allowed_model    "rapport/model")
set(allowed_playbook "rapport/model")
set(allowed_messages "rapport/model")
set(allowed_formats  "rapport/model")
set(allowed_store    "rapport/model")
set(allowed_app      "rapport/model;rapport/playbook;rapport/messages;rapport/formats;rapport/store")
set(allowed_present  "rapport/app;rapport/model;rapport/playbook;rapport/messages")
set(allowed_server   "rapport/app;rapport/present;rapport/model;rapport/playbook")
set(allowed_cli      "rapport/app;rapport/present;rapport/model;rapport/playbook;server")

set(why_model    "model/ is the bottom layer and includes only model/")
set(why_playbook "playbook/ is pure and sees only model/")
set(why_messages "messages/ is pure and sees only model/")
set(why_formats  "formats/ is pure and sees only model/")
set(why_store    "store/ sees only model/")
set(why_app      "app/ sees the core layers, never a face")
set(why_present  "present/ writes what app/ returns, and sees only app/'s public vocabulary")

# Each face has one composition root: the file that opens the database and
# wires the parts together. Only it may include store/ ("FILE=HEADER").
# The server has none of its own: `rapport serve` is composed by the CLI's.
set(composition_roots "src/cli/cli.cpp=rapport/store/database.h")

# Libraries whose headers are slow to parse (JSON, SQL, HTTP, templates,
# TOML, iCalendar, spelling, Markdown, CLI11, PostgreSQL) stay out of the headers other
# layers include: the core's headers and the server's public header.
set(heavy_headers
  "sqlite3.h" "curl/curl.h" "httplib.h" "nlohmann/json.hpp" "kainjow/mustache.hpp"
  "toml++/toml.h" "libical/ical.h" "hunspell/hunspell.hxx" "cmark.h" "CLI/CLI.hpp"
  "pqxx/pqxx" "libpq-fe.h")

set(violations "")

file(GLOB_RECURSE sources RELATIVE "${ROOT}"
  "${ROOT}/src/*.cpp" "${ROOT}/src/*.h")
list(SORT sources)
foreach(rel IN LISTS sources)
  if(rel MATCHES "^src/rapport/([a-z_]+)/")
    set(layer "${CMAKE_MATCH_1}")
    set(own "rapport/${layer}")
  elseif(rel MATCHES "^src/(cli|server)/")
    set(layer "${CMAKE_MATCH_1}")
    set(own "${layer}")
  else()
    continue()
  endif()
  if(NOT DEFINED allowed_${layer})
    list(APPEND violations "${rel}:1: src/rapport/${layer}/ is not a known layer (add it to cmake/check_layers.cmake)")
    continue()
  endif()
  set(is_public_header FALSE)
  if(rel MATCHES "^src/rapport/.*\\.h$" OR rel STREQUAL "src/server/server.h")
    set(is_public_header TRUE)
  endif()

  file(STRINGS "${ROOT}/${rel}" lines)
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*([\"<])([^\">]+)[\">]")
      continue()
    endif()
    set(quote "${CMAKE_MATCH_1}")
    set(inc "${CMAKE_MATCH_2}")
    if(quote STREQUAL "<")
      if(is_public_header AND inc IN_LIST heavy_headers)
        list(APPEND violations "${rel}:${n}: a header other layers include may not include <${inc}> (slow to parse: include it in a .cpp)")
      endif()
      continue()
    endif()
    # Only our own folders: "rapport/<layer>/...", "cli/...", "server/...".
    if(inc MATCHES "^(rapport/[a-z_]+)/")
      set(target "${CMAKE_MATCH_1}")
    elseif(inc MATCHES "^(cli|server)/")
      set(target "${CMAKE_MATCH_1}")
    else()
      continue()
    endif()
    if(target STREQUAL own OR target IN_LIST allowed_${layer})
      continue()
    endif()
    if("${rel}=${inc}" IN_LIST composition_roots)
      continue()
    endif()
    if(layer STREQUAL "server" AND target STREQUAL "cli")
      set(why "server/ never uses cli/: the CLI starts the server, not the other way round")
    elseif(DEFINED why_${layer})
      set(why "${why_${layer}}")
    elseif(target STREQUAL "rapport/store")
      set(why "a face uses store/ only in its composition root (src/cli/cli.cpp), and asks app/ for the rest")
    else()
      string(REGEX REPLACE "^rapport/" "" t "${target}")
      set(why "a face reaches ${t}/ only through app/")
    endif()
    list(APPEND violations "${rel}:${n}: ${layer}/ may not include ${inc} (${why})")
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations count)
  foreach(v IN LISTS violations)
    message(NOTICE "${v}")
  endforeach()
  message(FATAL_ERROR "check_layers: ${count} include(s) break the layers (docs/architecture.md)")
endif()
