// Times the way people say them ("tomorrow 3pm", "next fri", "+2w"), for
// every time a person types; ISO-8601 stays as ParseTime reads it. Pure: the
// clock's now and the zone come in. Kept apart from time.h, which nearly
// every file includes.
#pragma once

#include <string_view>

#include "rapport/model/time.h"

namespace rapport {

// Parses a time the way people say it, anchored at `now` :
//   today, tomorrow, yesterday        the day, at midnight
//   fri, friday, next fri, last fri   the coming one (not today: "fri" on a
//                                     Friday is ambiguous), the first after
//                                     today, the last before today
//   in 3 days, +2w, 2 weeks, 3d ago   days and weeks keep the wall time;
//   in 2 months, +1mo                 calendar months (31 Jan + 1mo: 28 Feb);
//   in 90 min, +2h, 1h ago            exact elapsed time ("2m" is ambiguous)
//   15:00, 9:30, 3pm, 3:30 pm, noon   a time of day, alone (today) or after a
//                                     day or a number of days/weeks/months
//                                     ("tomorrow 3pm", "fri at 9:30"); a
//                                     bare 1-12 is ambiguous
//   ... Europe/Paris                  a last word naming a zone: read there
//   now, and every ISO-8601 form ParseTime takes (a date may be followed
//   by a spoken time: "2026-03-02 3pm").
// Wall times are read in `zone`. A wall time the clocks skip is an error;
// one they repeat (the night they go back) is an error naming both
// instants, as are the other ambiguities, so nothing is guessed silently.
// Errors are invalid_argument with no field.
Result<Instant> ParseHumanTime(std::string_view text, std::string_view zone, Instant now);

}  // namespace rapport
