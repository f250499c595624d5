import { DemoCourse, tf } from './demo-course.types';

/** Owned by Hà Nội: only the city's people see it in their catalog. */
export const KY_NANG_SO: DemoCourse = {
  code: 'KNS-HN-01',
  title: 'Kỹ năng số thiết yếu',
  description:
    'Quản lý tài liệu số, soạn thảo văn bản đúng thể thức, giao tiếp, cộng tác trực tuyến và tìm kiếm thông tin tin cậy — dành cho cán bộ, công chức thành phố Hà Nội.',
  hours: 1,
  ownerCode: 'HN',
  author: 'daotao.hn',
  publishedDaysAgo: 30,
  modules: [
    {
      title: 'Chương 1. Làm việc với tài liệu số',
      lessons: [
        {
          title: 'Quản lý tệp và thư mục',
          minutes: 15,
          content: `Đặt tên tệp theo một quy ước chung giúp cả phòng tìm được tài liệu:

- Bắt đầu bằng ngày theo dạng \`năm-tháng-ngày\` để tệp tự sắp theo thời gian: \`2026-03-15_BaoCao_Quy1.docx\`.
- Không dùng tên chung chung như \`Moi.docx\`, \`Ban cuoi cung (2).docx\`.
- Tổ chức thư mục theo **năm → lĩnh vực → công việc**.

Lưu tài liệu công việc trên hệ thống lưu trữ của cơ quan thay vì ổ USB hay máy cá nhân, để không mất khi hỏng máy và đồng nghiệp dùng được khi cần.`,
        },
        {
          title: 'Soạn thảo văn bản đúng thể thức',
          minutes: 15,
          content: `Nghị định số 30/2020/NĐ-CP quy định thể thức và kỹ thuật trình bày văn bản hành chính, trong đó:

- Phông chữ **Times New Roman**, bộ mã Unicode theo TCVN 6909:2001, màu đen.
- Khổ giấy **A4**.
- Lề trên và lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm.

Dùng **kiểu định dạng (Styles)** và mẫu văn bản có sẵn thay vì căn chỉnh thủ công bằng phím cách: văn bản đồng nhất và sửa một lần là đúng cả tài liệu.`,
        },
      ],
    },
    {
      title: 'Chương 2. Giao tiếp và cộng tác trực tuyến',
      lessons: [
        {
          title: 'Thư điện tử công vụ và họp trực tuyến',
          minutes: 15,
          content: `Thư điện tử công vụ dùng cho công việc; không dùng hộp thư cá nhân để gửi tài liệu của cơ quan.

Một thư tốt có **tiêu đề nói rõ nội dung**, lời chào, nội dung ngắn gọn, yêu cầu cụ thể và thời hạn.

Khi họp trực tuyến:

1. Kiểm tra âm thanh, camera trước giờ họp.
2. Tắt micro khi không phát biểu.
3. Chia sẻ đúng cửa sổ cần trình bày, đóng các tài liệu không liên quan.`,
        },
        {
          title: 'Tìm kiếm và đánh giá thông tin',
          minutes: 15,
          content: `Không phải thông tin nào trên Internet cũng đáng tin. Với văn bản pháp luật, hãy tra cứu tại nguồn chính thống:

- Cổng Thông tin điện tử Chính phủ.
- Cơ sở dữ liệu quốc gia về văn bản pháp luật.
- Công báo.

Trước khi dùng một thông tin, tự hỏi: **Ai** đăng? Đăng **khi nào**, còn hiệu lực không? Có **nguồn gốc** dẫn chiếu không? Có nguồn khác xác nhận không?`,
        },
      ],
    },
  ],
  final: {
    title: 'Bài kiểm tra cuối khóa',
    passingScore: 60,
    timeLimitSeconds: null,
    maxAttempts: 3,
    questionsPerAttempt: 5,
    questions: [
      {
        type: 'single',
        text: 'Tên tệp nào theo đúng quy ước được khuyến nghị?',
        options: [
          ['2026-03-15_BaoCao_Quy1.docx', true],
          ['Ban cuoi cung (2).docx', false],
          ['Moi.docx', false],
        ],
        explanation: 'Ngày theo dạng năm-tháng-ngày và nội dung rõ ràng giúp sắp xếp và tìm kiếm.',
      },
      {
        type: 'single',
        text: 'Văn bản hành chính dùng phông chữ nào theo Nghị định số 30/2020/NĐ-CP?',
        options: [
          ['Times New Roman', true],
          ['Arial', false],
          ['VNI-Times', false],
        ],
        explanation: 'Phông Times New Roman, bộ mã Unicode theo TCVN 6909:2001.',
      },
      tf(
        'Có thể dùng hộp thư cá nhân để gửi tài liệu công việc cho nhanh.',
        false,
        'Tài liệu của cơ quan chỉ gửi qua thư điện tử công vụ.',
      ),
      {
        type: 'multiple',
        text: 'Nên tra cứu văn bản pháp luật ở những nguồn nào?',
        options: [
          ['Cổng Thông tin điện tử Chính phủ', true],
          ['Cơ sở dữ liệu quốc gia về văn bản pháp luật', true],
          ['Một bài chia sẻ trên mạng xã hội', false],
        ],
        explanation: 'Chỉ nguồn chính thống bảo đảm văn bản đúng và còn hiệu lực.',
      },
      tf(
        'Khi họp trực tuyến nên tắt micro lúc không phát biểu.',
        true,
        'Tránh tiếng ồn làm gián đoạn cuộc họp.',
      ),
      {
        type: 'single',
        text: 'Cách lưu trữ tài liệu công việc nào giúp đồng nghiệp cùng làm và không mất bản cũ?',
        options: [
          ['Thư mục dùng chung của cơ quan có lịch sử phiên bản', true],
          ['Mỗi người giữ một bản trên máy cá nhân', false],
          ['Gửi qua lại bằng thư điện tử sau mỗi lần sửa', false],
        ],
        explanation: 'Lưu trữ dùng chung có phiên bản tránh nhầm bản và mất dữ liệu.',
      },
      tf(
        'Khi chia sẻ tài liệu trực tuyến nên cấp quyền "chỉ xem" cho người không cần chỉnh sửa.',
        true,
        'Cấp quyền vừa đủ giảm rủi ro sửa nhầm hoặc lộ thông tin.',
      ),
      {
        type: 'single',
        text: 'Tổ hợp phím nào dùng để tìm kiếm một cụm từ trong tài liệu đang mở?',
        options: [
          ['Ctrl + F', true],
          ['Ctrl + P', false],
          ['Ctrl + S', false],
        ],
        explanation: 'Ctrl + F mở ô tìm kiếm; Ctrl + P để in, Ctrl + S để lưu.',
      },
      tf(
        'Thông tin trên mạng xã hội luôn đáng tin cậy nếu có nhiều lượt chia sẻ.',
        false,
        'Lượt chia sẻ không chứng minh độ tin cậy; hãy đối chiếu với nguồn chính thống.',
      ),
      {
        type: 'multiple',
        text: 'Những việc nào nên làm trước một cuộc họp trực tuyến?',
        options: [
          ['Kiểm tra micro, loa và camera', true],
          ['Gửi trước tài liệu cho người dự họp', true],
          ['Mở sẵn nhiều ứng dụng không liên quan', false],
        ],
        explanation: 'Chuẩn bị thiết bị và tài liệu giúp cuộc họp đúng giờ, hiệu quả.',
      },
    ],
  },
};
