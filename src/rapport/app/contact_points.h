// A person's addresses and numbers as the importer and Merge compare and
// join them (app/merge.cpp): addresses alike when they fold to the same
// case, numbers when their digits (store/'s PhoneKey) are the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/types.h"

namespace rapport {

bool SamePoint(std::string_view a, std::string_view b, bool email);
bool HasPoint(const std::optional<std::string>& primary, const std::vector<ContactPoint>& others,
              std::string_view value, bool email);
// The label kept for `value` (the primary's or another's), or nullptr when
// the person does not have it.
std::string* FindLabel(const std::optional<std::string>& primary, std::string& primary_label,
                       std::vector<ContactPoint>& others, std::string_view value, bool email);
// `p` as the primary when there is none, else as one more.
void AddPoint(std::optional<std::string>& primary, std::string& primary_label,
              std::vector<ContactPoint>& others, ContactPoint p);

}  // namespace rapport
