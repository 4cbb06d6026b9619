// vietnamese_words.cpp — Vietnamese words of two and three syllables as data. Vietnamese writes a
// space between syllables, not between words, so Pango (and ICU, which has no Vietnamese
// dictionary) may break a display line inside a word: "cuộc bố / ráp" (raid), "chính / sách"
// (policy), "người / nhập cư" (immigrant). The list holds the common words of news and politics
// and everyday words around them; a word missing from it only leaves a break allowed, as before.
// Extend it by adding words; nothing else changes.
#include "text/vietnamese_words.hpp"

#include <glib.h>

#include <set>
#include <sstream>
#include <string>

#include "core/handle.hpp"

namespace broadside::text {

namespace {

// One word a comma: its syllables lower case, separated by spaces.
constexpr std::string_view kWords =
    // Politics, the state and the law.
    "chính sách,chính phủ,chính quyền,chính trị,chính đảng,đảng viên,đảng phái,tổng thống,"
    "phó tổng thống,thủ tướng,thống đốc,thị trưởng,quốc hội,thượng viện,hạ viện,nghị sĩ,"
    "dân biểu,ứng cử,ứng cử viên,ứng viên,tranh cử,bầu cử,cử tri,lá phiếu,chiến dịch,"
    "dân chủ,cộng hòa,cộng hoà,độc tài,độc đoán,phát xít,quân phiệt,đế quốc,hiến pháp,"
    "pháp luật,luật pháp,pháp lý,tòa án,toà án,thẩm phán,liên bang,tiểu bang,nhà nước,"
    "quốc gia,quốc tế,dân tộc,chủ nghĩa,xã hội,tư bản,tư sản,vô sản,cách mạng,phong trào,"
    "đấu tranh,đoàn kết,thống nhất,tuyên bố,tuyên ngôn,tuyên truyền,lãnh đạo,thành viên,"
    "tổ chức,công đoàn,hoạt động,hành động,chương trình,kế hoạch,mục tiêu,giải pháp,vấn đề,"
    "quyền lợi,quyền lực,nhân quyền,công dân,nhân dân,người dân,quyền công dân,"
    // Migration, borders and the police.
    "nhập cư,người nhập cư,di cư,di dân,người di cư,tị nạn,tỵ nạn,người tị nạn,biên giới,"
    "biên phòng,hải quan,trục xuất,bố ráp,truy quét,càn quét,bắt giữ,giam giữ,bắt bớ,"
    "trại giam,nhà tù,trại tập trung,tập trung,cảnh sát,an ninh,nội địa,tuần tra,quân đội,"
    "quân sự,binh lính,binh sĩ,vũ trang,vũ khí,đặc nhiệm,đặc biệt,bạo lực,khủng bố,đàn áp,"
    "tấn công,đe dọa,đe doạ,sợ hãi,tàn bạo,chiến tranh,hòa bình,hoà bình,bảo vệ,chống lại,"
    "phản đối,bãi bỏ,chấm dứt,bãi bỏ,xóa bỏ,xoá bỏ,giải tán,mở cửa,đóng cửa,"
    // Work, wealth and welfare.
    "công nhân,giai cấp,giai cấp công nhân,lao động,người lao động,việc làm,công việc,"
    "tiền lương,mức lương,thất nghiệp,nghèo đói,nghèo khổ,giàu có,tỷ phú,tỉ phú,tập đoàn,"
    "công ty,doanh nghiệp,ngân hàng,tài chính,thị trường,lợi nhuận,kinh tế,khủng hoảng,"
    "sản xuất,phân phối,tài sản,tài nguyên,của cải,y tế,chăm sóc,sức khỏe,sức khoẻ,"
    "giáo dục,miễn phí,nhà ở,môi trường,văn hóa,văn hoá,bình đẳng,bất bình đẳng,tự do,"
    "công bằng,xứng đáng,tử tế,đàng hoàng,tốt đẹp,đầy đủ,cuộc sống,đời sống,mức sống,"
    "điều kiện,an toàn,"
    // People and places.
    "gia đình,trẻ em,phụ nữ,thanh niên,sinh viên,học sinh,con người,mọi người,nhân loại,"
    "loài người,cộng đồng,khu phố,khu vực,thành phố,đô thị,nông thôn,hàng xóm,thế giới,"
    "toàn cầu,hoa kỳ,châu âu,châu á,châu phi,việt nam,trung quốc,"
    // Everyday words around them.
    "chúng tôi,chúng ta,tất cả,toàn bộ,toàn văn,hoàn toàn,thực sự,thật sự,quan trọng,"
    "cần thiết,có thể,không thể,hiện nay,hôm nay,ngày mai,tương lai,lịch sử,trước đây,"
    "tham gia,ủng hộ,liên hệ,thông tin,kêu gọi,yêu cầu,đòi hỏi,quét mã,truy cập,trang web";

std::string nfc_lower(std::string_view s) {
  core::Handle<gchar, g_free> lower(g_utf8_strdown(s.data(), static_cast<gssize>(s.size())));
  core::Handle<gchar, g_free> nfc(g_utf8_normalize(lower.get(), -1, G_NORMALIZE_NFC));
  return nfc ? nfc.get() : lower.get();
}

const std::set<std::string, std::less<>>& words() {
  static const std::set<std::string, std::less<>> set = [] {
    std::set<std::string, std::less<>> out;
    std::istringstream in{std::string(kWords)};
    for (std::string w; std::getline(in, w, ',');)
      if (!w.empty()) out.insert(nfc_lower(w));
    return out;
  }();
  return set;
}

}  // namespace

int vietnamese_word_syllables(std::string_view first, std::string_view second,
                              std::string_view third) {
  if (first.empty() || second.empty()) return 1;
  const std::string pair = nfc_lower(first) + " " + nfc_lower(second);
  if (!third.empty() && words().count(pair + " " + nfc_lower(third))) return 3;
  return words().count(pair) ? 2 : 1;
}

}  // namespace broadside::text
