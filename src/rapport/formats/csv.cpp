#include "rapport/formats/csv.h"

#include <cstring>

#include "rapport/formats/people.h"
#include "rapport/formats/text.h"

namespace rapport {

namespace formats_internal {

std::string& CsvReader::Scratch() {
  if (scratch_used_ == scratch_.size()) scratch_.emplace_back();
  std::string& s = scratch_[scratch_used_++];
  s.clear();
  return s;
}

void CsvReader::CountLines(size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    char c = data_[i];
    if (c == '\n') {
      ++next_line_;
    } else if (c == '\r' && (i + 1 >= data_.size() || data_[i + 1] != '\n')) {
      ++next_line_;
    }
  }
}

bool CsvReader::blank() const {
  for (std::string_view f : fields_) {
    if (!Trim(f).empty()) return false;
  }
  return true;
}

bool CsvReader::Next() {
  fields_.clear();
  scratch_used_ = 0;
  unterminated_ = false;
  const size_t n = data_.size();
  if (pos_ >= n) return false;
  line_ = next_line_;
  const char* base = data_.data();
  for (;;) {
    std::string_view field;
    if (pos_ < n && data_[pos_] == '"') {
      const size_t start = ++pos_;
      std::string* buf = nullptr;
      for (;;) {
        const void* hit = std::memchr(base + pos_, '"', n - pos_);
        if (hit == nullptr) {
          // The quote never closes: the rest of the input is this field.
          CountLines(pos_, n);
          if (buf != nullptr) buf->append(data_.substr(pos_));
          field = buf != nullptr ? std::string_view(*buf) : data_.substr(start);
          pos_ = n;
          unterminated_ = true;
          fields_.push_back(field);
          return true;
        }
        const size_t q = static_cast<size_t>(static_cast<const char*>(hit) - base);
        CountLines(pos_, q);
        if (q + 1 < n && data_[q + 1] == '"') {  // a doubled quote stands for one
          if (buf == nullptr) {
            buf = &Scratch();
            buf->assign(data_.substr(start, q + 1 - start));
          } else {
            buf->append(data_.substr(pos_, q + 1 - pos_));
          }
          pos_ = q + 2;
          continue;
        }
        if (buf != nullptr) buf->append(data_.substr(pos_, q - pos_));
        field = buf != nullptr ? std::string_view(*buf) : data_.substr(start, q - start);
        pos_ = q + 1;
        break;
      }
      if (pos_ < n && data_[pos_] != sep_ && data_[pos_] != '\n' && data_[pos_] != '\r') {
        // `"Smith" Jr,` is not RFC 4180, but the text is clearly the field's.
        size_t e = pos_;
        while (e < n && data_[e] != sep_ && data_[e] != '\n' && data_[e] != '\r') ++e;
        if (buf == nullptr) {
          buf = &Scratch();
          buf->assign(field);
        }
        buf->append(data_.substr(pos_, e - pos_));
        field = *buf;
        pos_ = e;
      }
    } else {
      size_t e = pos_;
      while (e < n && !ends_field_[static_cast<unsigned char>(base[e])]) ++e;
      field = data_.substr(pos_, e - pos_);
      pos_ = e;
    }
    fields_.push_back(field);
    if (pos_ >= n) return true;
    char c = data_[pos_];
    if (c == sep_) {
      ++pos_;
      if (pos_ >= n) {  // "a,b," at the very end: the last field is empty
        fields_.emplace_back();
        return true;
      }
      continue;
    }
    ++pos_;
    if (c == '\r' && pos_ < n && data_[pos_] == '\n') ++pos_;
    ++next_line_;
    return true;
  }
}

Result<CsvReader> FindExportHeader(
    std::string_view text,
    const std::function<bool(const std::vector<std::string_view>&)>& is_header,
    std::string_view fix, std::string_view claimed, std::string_view no_header) {
  std::optional<CsvReader> reader = FindCsvHeader(text, is_header);
  if (auto bad = Utf8Problem(text, fix)) return Error::InvalidArgument(*bad);
  if (reader) return std::move(*reader);
  if (auto other = WrongExport(text, claimed)) return Error::InvalidArgument(*other);
  return Error::InvalidArgument(std::string(no_header));
}

std::optional<CsvReader> FindCsvHeader(
    std::string_view text,
    const std::function<bool(const std::vector<std::string_view>&)>& is_header) {
  // Real exports put at most a few lines before the header (LinkedIn's
  // "Notes:" preamble is three); looking further would only slow down the
  // refusal of files that are something else entirely.
  constexpr int kMaxRecordsBeforeHeader = 100;
  for (char sep : {',', ';', '\t'}) {
    CsvReader reader(text, sep);
    for (int i = 0; i < kMaxRecordsBeforeHeader && reader.Next(); ++i) {
      if (reader.fields().size() >= 2 && is_header(reader.fields())) return reader;
    }
  }
  return std::nullopt;
}

std::string HeaderKey(std::string_view cell) { return AsciiLower(Trim(StripUtf8Bom(Trim(cell)))); }

CsvText PrepareCsvText(std::string_view data) {
  CsvText out;
  if (auto utf8 = Utf16ToUtf8IfMarked(data)) {
    out.owned = std::move(*utf8);
    out.text = out.owned;
  } else {
    out.text = data;
  }
  out.text = StripUtf8Bom(out.text);
  return out;
}

std::optional<std::string> Utf8Problem(std::string_view text, std::string_view fix) {
  size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return std::nullopt;
  return "this file is not valid UTF-8 (line " + std::to_string(LineAt(text, bad)) + " has byte " +
         HexByte(static_cast<unsigned char>(text[bad])) +
         ", so it looks like Windows-1252 from a spreadsheet); save it as CSV UTF-8 or " +
         std::string(fix);
}

}  // namespace formats_internal

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  // One empty field alone must still be a record, not a blank line.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out.push_back('"');
    for (char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += "\r\n";
  return out;
}

}  // namespace rapport
