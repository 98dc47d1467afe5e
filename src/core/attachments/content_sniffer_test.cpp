// The magic-byte sniffer: every accepted signature, the near misses around each, truncations,
// and the kinds of content that lie about their type (HTML, scripts, executables, archives).
#include "core/attachments/content_sniffer.h"

#include <gtest/gtest.h>

#include <string>

namespace lifeline {
namespace {

std::string Bytes(std::initializer_list<int> bytes, std::string_view tail = "") {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  out += tail;
  return out;
}

const std::string kJpeg = Bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10}, "JFIF");
const std::string kPng =
    Bytes({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}, "IHDR\x00\x00\x00\x01");
const std::string kWebp = std::string("RIFF") + Bytes({0x24, 0, 0, 0}) + "WEBPVP8 ";
const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";

TEST(SniffMediaType, RecognisesEachAcceptedType) {
  EXPECT_EQ(SniffMediaType(kJpeg), MediaType::kJpeg);
  EXPECT_EQ(SniffMediaType(kPng), MediaType::kPng);
  EXPECT_EQ(SniffMediaType(kWebp), MediaType::kWebp);
  EXPECT_EQ(SniffMediaType(kPdf), MediaType::kPdf);
}

TEST(SniffMediaType, JpegVariantsByTheirFirstMarker) {
  for (int marker : {0xE0, 0xE1, 0xDB, 0xC0, 0xEE, 0xFE}) {
    EXPECT_EQ(SniffMediaType(Bytes({0xFF, 0xD8, 0xFF, marker})), MediaType::kJpeg) << marker;
  }
  EXPECT_EQ(SniffMediaType(Bytes({0xFF, 0xD8, 0xFF, 0xFF})), std::nullopt) << "fill, no marker";
  EXPECT_EQ(SniffMediaType(Bytes({0xFF, 0xD8, 0xFF, 0x00})), std::nullopt);
  EXPECT_EQ(SniffMediaType(Bytes({0xFF, 0xD8, 0xFE, 0xE0})), std::nullopt);
}

TEST(SniffMediaType, WebpNeedsAKnownFirstChunkAndASize) {
  EXPECT_EQ(SniffMediaType(std::string("RIFF") + Bytes({0x24, 0, 0, 0}) + "WEBPVP8L"),
            MediaType::kWebp);
  EXPECT_EQ(SniffMediaType(std::string("RIFF") + Bytes({0x24, 0, 0, 0}) + "WEBPVP8X"),
            MediaType::kWebp);
  EXPECT_EQ(SniffMediaType(std::string("RIFF") + Bytes({0x24, 0, 0, 0}) + "WAVEfmt "), std::nullopt)
      << "a WAV file is RIFF too";
  EXPECT_EQ(SniffMediaType(std::string("RIFF") + Bytes({0x24, 0, 0, 0}) + "WEBPXXXX"),
            std::nullopt);
  EXPECT_EQ(SniffMediaType(std::string("RIFF") + Bytes({0, 0, 0, 0}) + "WEBPVP8 "), std::nullopt);
}

TEST(SniffMediaType, PdfNeedsItsVersionAtTheStart) {
  EXPECT_EQ(SniffMediaType("%PDF-2.0\n"), MediaType::kPdf);
  EXPECT_EQ(SniffMediaType("%PDF-x.y\n"), std::nullopt);
  EXPECT_EQ(SniffMediaType(" %PDF-1.4\n"), std::nullopt) << "no leading junk";
  EXPECT_EQ(SniffMediaType("%pdf-1.4\n"), std::nullopt);
}

TEST(SniffMediaType, PngNeedsTheFullSignatureAndIhdr) {
  std::string broken = kPng;
  broken[4] = '\n';  // a PNG that went through a text-mode transfer
  EXPECT_EQ(SniffMediaType(broken), std::nullopt);
  std::string no_ihdr = kPng;
  no_ihdr.replace(12, 4, "IDAT");
  EXPECT_EQ(SniffMediaType(no_ihdr), std::nullopt);
}

TEST(SniffMediaType, EveryTruncationOfASignatureIsNothing) {
  for (const std::string& whole :
       {kJpeg.substr(0, 4), kPng.substr(0, 16), kWebp, kPdf.substr(0, 8)}) {
    for (std::size_t n = 0; n < whole.size(); ++n) {
      EXPECT_EQ(SniffMediaType(whole.substr(0, n)), std::nullopt) << n << " of " << whole.size();
    }
    EXPECT_NE(SniffMediaType(whole), std::nullopt);
  }
}

TEST(SniffMediaType, ContentThatLiesAboutItsTypeIsNothing) {
  for (std::string_view lie :
       {std::string_view("<html><script>alert(1)</script>"), std::string_view("<?xml version"),
        std::string_view("<svg xmlns=\"http://www.w3.org/2000/svg\">"),
        std::string_view("#!/bin/sh\nrm -rf /"), std::string_view("MZ\x90\x00", 4),
        std::string_view("\x7f"
                         "ELF\x02\x01",
                         6),
        std::string_view("PK\x03\x04", 4), std::string_view("GIF89a"),
        std::string_view("BM6\x00", 4),
        std::string_view("\x00\x00\x00\x18"
                         "ftypheic",
                         12),
        std::string_view("just text")}) {
    EXPECT_EQ(SniffMediaType(lie), std::nullopt) << lie;
  }
  EXPECT_EQ(SniffMediaType(""), std::nullopt);
  EXPECT_EQ(SniffMediaType(std::string(1 << 16, '\0')), std::nullopt);
}

TEST(SniffMediaType, OnlyTheStartCounts) {
  EXPECT_EQ(SniffMediaType("<html>" + kPng), std::nullopt) << "a polyglot with junk in front";
  EXPECT_EQ(SniffMediaType(kPng + "<html><script>"), MediaType::kPng)
      << "trailing bytes do not change what the file is";
}

}  // namespace
}  // namespace lifeline
