import { DEMO_TRAINING_INSTITUTION } from '../demo-org-units.data';
import { DemoCourse, tf } from './demo-course.types';

export const AN_TOAN_THONG_TIN: DemoCourse = {
  code: 'ATTT-CB-01',
  title: 'An toàn thông tin và an ninh mạng cơ bản',
  description:
    'Nhận diện các nguy cơ mất an toàn thông tin thường gặp, thói quen bảo vệ tài khoản, thiết bị, dữ liệu và cách xử lý khi có sự cố.',
  hours: 1.5,
  ownerCode: 'VN',
  issuerCode: DEMO_TRAINING_INSTITUTION,
  // Security is learnt step by step: lessons in order, a third of each lesson's time at least.
  sequentialLessons: true,
  author: 'quantri',
  publishedDaysAgo: 45,
  modules: [
    {
      title: 'Chương 1. Nhận diện nguy cơ',
      lessons: [
        {
          title: 'Các mối đe dọa thường gặp',
          minutes: 15,
          minSeconds: 300,
          content: `Những hình thức tấn công phổ biến nhắm vào cán bộ, công chức:

- **Lừa đảo trực tuyến (phishing)**: thư, tin nhắn giả mạo để lấy mật khẩu hoặc cài mã độc.
- **Mã độc**: phần mềm gây hại ẩn trong tệp đính kèm, phần mềm bẻ khóa, USB lạ.
- **Mã độc tống tiền (ransomware)**: mã hóa dữ liệu rồi đòi tiền chuộc.
- **Chiếm đoạt tài khoản**: dùng mật khẩu bị lộ ở nơi khác để đăng nhập.

Phần lớn sự cố bắt đầu từ **một cú nhấp chuột** của người dùng, nên mỗi người là một lớp phòng thủ.`,
        },
        {
          title: 'Nhận biết thư điện tử và tin nhắn lừa đảo',
          minutes: 15,
          minSeconds: 300,
          content: `Dấu hiệu cảnh báo:

1. Địa chỉ người gửi gần giống địa chỉ thật (ví dụ \`hanoi-gov.vn\` thay vì \`hanoi.gov.vn\`).
2. Nội dung **thúc ép**: "tài khoản sẽ bị khóa trong 24 giờ", "khẩn".
3. Yêu cầu cung cấp mật khẩu, mã OTP hoặc mở tệp đính kèm lạ (\`.exe\`, \`.zip\` có mật khẩu).
4. Đường liên kết hiển thị một đằng, trỏ tới một nẻo (di chuột để xem địa chỉ thật).

Khi nghi ngờ: **không nhấp, không trả lời**, báo ngay cho bộ phận công nghệ thông tin.`,
        },
        {
          title: 'Mạng xã hội và lộ lọt thông tin',
          minutes: 15,
          minSeconds: 300,
          content: `Thông tin đăng trên mạng xã hội có thể bị kẻ xấu tổng hợp để lừa đảo có chủ đích. Không đăng:

- Ảnh chụp văn bản, màn hình hệ thống nội bộ.
- Lịch công tác, thông tin cá nhân của đồng nghiệp.
- Ảnh giấy tờ tùy thân, thẻ ngân hàng.

Tài liệu **mật** tuyệt đối không soạn thảo, lưu trữ trên máy tính có kết nối Internet.`,
        },
      ],
      practice: {
        title: 'Thử nhận diện thư lừa đảo',
        passingScore: 50,
        timeLimitSeconds: null,
        maxAttempts: null,
        questionsPerAttempt: null,
        questions: [
          {
            type: 'multiple',
            text: 'Những dấu hiệu nào cho thấy một thư điện tử có thể là thư lừa đảo?',
            options: [
              ['Tên miền người gửi gần giống tên miền thật', true],
              ['Đe dọa khóa tài khoản nếu không làm ngay', true],
              ['Yêu cầu gửi mã OTP', true],
              ['Gửi từ địa chỉ thư công vụ quen thuộc, nội dung đúng công việc đang làm', false],
            ],
            explanation: 'Giả mạo tên miền, thúc ép và đòi OTP là ba dấu hiệu điển hình.',
          },
          tf(
            'Khi nghi ngờ thư lừa đảo, nên trả lời thư để hỏi lại người gửi.',
            false,
            'Trả lời xác nhận với kẻ tấn công rằng địa chỉ đang hoạt động; hãy báo bộ phận công nghệ thông tin.',
          ),
        ],
      },
    },
    {
      title: 'Chương 2. Bảo vệ bản thân và cơ quan',
      lessons: [
        {
          title: 'Mật khẩu mạnh và xác thực hai yếu tố',
          minutes: 15,
          minSeconds: 300,
          content: `Một mật khẩu tốt:

- Dài **từ 12 ký tự** trở lên; một cụm từ dễ nhớ như \`Ca-phe-sang-thu-2!\` mạnh hơn \`P@ss1\`.
- **Không dùng lại** cho nhiều tài khoản.
- Không ghi trên giấy dán ở màn hình.

Bật **xác thực hai yếu tố** (mã OTP, ứng dụng xác thực) cho thư công vụ và tài khoản quan trọng: kể cả khi lộ mật khẩu, kẻ xấu vẫn không đăng nhập được.`,
        },
        {
          title: 'Bảo vệ thiết bị và dữ liệu',
          minutes: 15,
          minSeconds: 300,
          content: `Thói quen hằng ngày:

1. Cập nhật hệ điều hành và phần mềm ngay khi có bản vá.
2. Chỉ cài phần mềm có bản quyền, từ nguồn tin cậy; bật phần mềm phòng chống mã độc.
3. Khóa màn hình khi rời khỏi chỗ ngồi (\`Windows + L\`).
4. Sao lưu theo quy tắc **3-2-1**: 3 bản sao, trên 2 loại phương tiện, 1 bản để ở nơi khác.

Sao lưu đều đặn là cách hiệu quả nhất để phục hồi sau sự cố mã độc tống tiền.`,
        },
        {
          title: 'Khung pháp lý và xử lý sự cố',
          minutes: 15,
          minSeconds: 300,
          content: `Các văn bản cần biết:

- **Luật An toàn thông tin mạng** năm 2015.
- **Luật An ninh mạng** năm 2018.
- **Nghị định số 85/2016/NĐ-CP** về bảo đảm an toàn hệ thống thông tin theo cấp độ (từ cấp độ 1 đến cấp độ 5).

Khi phát hiện sự cố (máy chạy chậm bất thường, tệp bị đổi tên hàng loạt, tài khoản bị đăng nhập lạ):

1. Ngắt kết nối mạng của thiết bị.
2. **Không tự ý xóa** dấu vết.
3. Báo ngay cho bộ phận chuyên trách để ứng cứu.`,
        },
      ],
    },
  ],
  final: {
    title: 'Bài kiểm tra cuối khóa',
    passingScore: 70,
    timeLimitSeconds: 600,
    maxAttempts: 3,
    questionsPerAttempt: 5,
    questions: [
      {
        type: 'single',
        text: 'Mật khẩu nào sau đây mạnh nhất?',
        options: [
          ['Ca-phe-sang-thu-2!', true],
          ['P@ss1', false],
          ['12345678', false],
          ['Ngày sinh của bạn', false],
        ],
        explanation: 'Cụm từ dài, có ký tự đặc biệt mạnh hơn mật khẩu ngắn hay dễ đoán.',
      },
      tf(
        'Bật xác thực hai yếu tố giúp bảo vệ tài khoản ngay cả khi mật khẩu bị lộ.',
        true,
        'Kẻ xấu còn thiếu yếu tố thứ hai (mã OTP, ứng dụng xác thực) nên không đăng nhập được.',
      ),
      {
        type: 'single',
        text: 'Quy tắc sao lưu 3-2-1 nghĩa là gì?',
        options: [
          ['3 bản sao, trên 2 loại phương tiện, 1 bản để ở nơi khác', true],
          ['Sao lưu 3 lần mỗi ngày, giữ 2 ngày, xóa sau 1 tuần', false],
          ['3 người giữ mật khẩu, 2 máy chủ, 1 ổ cứng', false],
        ],
        explanation:
          'Nhiều bản, nhiều phương tiện và một bản tách biệt giúp phục hồi sau mọi loại sự cố.',
      },
      {
        type: 'multiple',
        text: 'Khi máy tính có dấu hiệu bị mã độc tống tiền, cần làm gì?',
        options: [
          ['Ngắt kết nối mạng của máy', true],
          ['Báo ngay cho bộ phận chuyên trách', true],
          ['Xóa hết các tệp lạ cho nhanh', false],
          ['Chuyển tiền chuộc để lấy lại dữ liệu', false],
        ],
        explanation: 'Cô lập máy và báo cáo; không tự xóa dấu vết và không trả tiền chuộc.',
      },
      {
        type: 'single',
        text: 'Nghị định số 85/2016/NĐ-CP phân loại hệ thống thông tin thành bao nhiêu cấp độ?',
        options: [
          ['5 cấp độ', true],
          ['3 cấp độ', false],
          ['4 cấp độ', false],
        ],
        explanation: 'Hệ thống thông tin được phân loại từ cấp độ 1 đến cấp độ 5.',
      },
      tf(
        'Có thể soạn thảo tài liệu mật trên máy tính có kết nối Internet nếu đã cài phần mềm diệt virus.',
        false,
        'Tài liệu mật tuyệt đối không soạn thảo, lưu trữ trên máy tính kết nối Internet.',
      ),
      tf(
        'Luật An ninh mạng được Quốc hội thông qua năm 2018.',
        true,
        'Luật An ninh mạng năm 2018; Luật An toàn thông tin mạng năm 2015.',
      ),
      {
        type: 'single',
        text: 'Nhận được thư điện tử lạ yêu cầu đăng nhập qua đường liên kết để "xác minh tài khoản", nên làm gì?',
        options: [
          ['Không bấm vào liên kết và báo cho bộ phận công nghệ thông tin', true],
          ['Bấm vào liên kết và đăng nhập để kiểm tra', false],
          ['Chuyển tiếp thư cho đồng nghiệp cùng kiểm tra', false],
        ],
        explanation: 'Đây là dấu hiệu lừa đảo (phishing); cần báo cáo để cảnh báo cả cơ quan.',
      },
      tf(
        'Cập nhật bản vá hệ điều hành kịp thời giúp giảm nguy cơ bị khai thác lỗ hổng.',
        true,
        'Phần lớn các cuộc tấn công khai thác lỗ hổng đã có bản vá nhưng chưa được cập nhật.',
      ),
      tf(
        'Cắm USB nhặt được vào máy tính cơ quan để tìm chủ nhân là việc làm an toàn.',
        false,
        'USB lạ có thể chứa mã độc tự chạy; hãy giao cho bộ phận công nghệ thông tin.',
      ),
    ],
  },
};
