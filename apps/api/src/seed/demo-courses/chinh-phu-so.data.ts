import { DEMO_TRAINING_INSTITUTION } from '../demo-org-units.data';
import { DemoCourse, tf } from './demo-course.types';

export const CHINH_PHU_SO: DemoCourse = {
  code: 'CPS-DVC-01',
  title: 'Chính phủ số và dịch vụ công trực tuyến',
  description:
    'Các nền tảng của chính phủ số, định danh và xác thực điện tử, dịch vụ công trực tuyến toàn trình và cách hỗ trợ người dân sử dụng.',
  hours: 1.5,
  ownerCode: 'VN',
  issuerCode: DEMO_TRAINING_INSTITUTION,
  author: 'quantri',
  publishedDaysAgo: 90,
  modules: [
    {
      title: 'Chương 1. Chính phủ số',
      lessons: [
        {
          title: 'Từ chính phủ điện tử đến chính phủ số',
          minutes: 15,
          content: `**Chính phủ điện tử** đưa các hoạt động sẵn có của cơ quan nhà nước lên môi trường mạng. **Chính phủ số** đi xa hơn: hoạt động được vận hành và ra quyết định **dựa trên dữ liệu**, dịch vụ được thiết kế lại lấy người dùng làm trung tâm.

Đặc điểm của chính phủ số:

- Dữ liệu được kết nối, chia sẻ giữa các cơ quan.
- Dịch vụ công được cung cấp trực tuyến, chủ động, cá nhân hóa.
- Chỉ đạo, điều hành dựa trên số liệu cập nhật theo thời gian thực.`,
        },
        {
          title: 'Cơ sở dữ liệu quốc gia và Đề án 06',
          minutes: 20,
          content: `Cơ sở dữ liệu quốc gia về dân cư là nền tảng để định danh mỗi công dân bằng **số định danh cá nhân**. Đề án 06 (Quyết định số 06/QĐ-TTg ngày 06/01/2022) đẩy mạnh khai thác dữ liệu dân cư, định danh và xác thực điện tử phục vụ:

1. Giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến.
2. Phát triển kinh tế - xã hội.
3. Xây dựng công dân số.
4. Hoàn thiện hệ sinh thái phục vụ kết nối, khai thác dữ liệu.
5. Phục vụ chỉ đạo, điều hành của lãnh đạo các cấp.

Khi dữ liệu dân cư được kết nối, người dân không phải xuất trình nhiều loại giấy tờ như trước.`,
        },
        {
          title: 'Định danh và xác thực điện tử',
          minutes: 15,
          content: `Ứng dụng **VNeID** cung cấp tài khoản định danh điện tử cho công dân:

- **Mức độ 1**: đăng ký qua ứng dụng; thông tin được đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.
- **Mức độ 2**: đăng ký trực tiếp tại cơ quan công an, có thu nhận ảnh chân dung và vân tay; dùng được cho nhiều giao dịch có giá trị tương đương xuất trình giấy tờ.

Cán bộ một cửa nên khuyến khích người dân dùng tài khoản định danh điện tử để đăng nhập Cổng Dịch vụ công quốc gia.`,
        },
      ],
    },
    {
      title: 'Chương 2. Dịch vụ công trực tuyến',
      lessons: [
        {
          title: 'Dịch vụ công trực tuyến toàn trình và một phần',
          minutes: 15,
          content: `Nghị định số 42/2022/NĐ-CP phân loại dịch vụ công trực tuyến:

- **Toàn trình**: người dùng thực hiện tất cả các bước, từ cung cấp thông tin, nộp hồ sơ, thanh toán phí đến nhận kết quả, trên môi trường mạng.
- **Một phần**: những bước còn lại (ví dụ nộp bản gốc, nhận kết quả) phải thực hiện trực tiếp.

Mục tiêu là tăng tỷ lệ hồ sơ được xử lý trực tuyến toàn trình, không chỉ tăng số dịch vụ được "đưa lên mạng".`,
        },
        {
          title: 'Cổng Dịch vụ công quốc gia',
          minutes: 10,
          content: `Cổng Dịch vụ công quốc gia (**dichvucong.gov.vn**) khai trương ngày 09/12/2019, là đầu mối để người dân, doanh nghiệp:

- Tra cứu thông tin thủ tục hành chính.
- Nộp hồ sơ, theo dõi tiến độ và nhận kết quả trực tuyến.
- Thanh toán trực tuyến phí, lệ phí.
- Phản ánh, kiến nghị và đánh giá mức độ hài lòng.

Cổng kết nối với các hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh.`,
        },
        {
          title: 'Hỗ trợ người dân sử dụng dịch vụ số',
          minutes: 15,
          content: `Nhiều người dân, nhất là người cao tuổi, còn ngại thực hiện thủ tục trực tuyến. Bộ phận một cửa và **Tổ công nghệ số cộng đồng** ở thôn, tổ dân phố có thể:

1. Hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử.
2. Cùng người dân thực hiện lần đầu một thủ tục trực tuyến.
3. Giải thích cách bảo vệ tài khoản, không chia sẻ mã OTP.

> Một lần hướng dẫn tận tình giúp người dân tự làm được ở những lần sau.`,
        },
      ],
      practice: {
        title: 'Ôn tập chương 2',
        passingScore: 50,
        timeLimitSeconds: null,
        maxAttempts: null,
        questionsPerAttempt: null,
        questions: [
          {
            type: 'single',
            text: 'Dịch vụ công trực tuyến toàn trình là dịch vụ mà người dùng...',
            options: [
              ['Thực hiện tất cả các bước trên môi trường mạng', true],
              ['Chỉ tra cứu thông tin trên mạng', false],
              ['Nộp hồ sơ trên mạng nhưng phải đến nhận kết quả trực tiếp', false],
            ],
            explanation:
              'Theo Nghị định số 42/2022/NĐ-CP, toàn trình nghĩa là mọi bước đều trực tuyến.',
          },
          tf(
            'Cán bộ được phép xin mã OTP của người dân để làm thủ tục giúp.',
            false,
            'Mã OTP là bí mật của chủ tài khoản; hướng dẫn người dân tự nhập, không bao giờ xin mã.',
          ),
          {
            type: 'ordering',
            text: 'Sắp xếp các bước nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia',
            options: [
              ['Đăng nhập bằng tài khoản định danh điện tử (VNeID)', true],
              ['Chọn thủ tục và điền tờ khai', true],
              ['Đính kèm giấy tờ hoặc dùng lại giấy tờ đã số hóa', true],
              ['Thanh toán lệ phí trực tuyến', true],
            ],
            explanation:
              'Đăng nhập trước, rồi khai, đính kèm và thanh toán; kết quả trả về trên mạng.',
          },
          {
            type: 'numeric',
            text: 'Một thủ tục nhận 200 hồ sơ, 150 hồ sơ nộp trực tuyến. Tỷ lệ hồ sơ trực tuyến là bao nhiêu phần trăm?',
            options: [['75', true]],
            tolerance: 0.5,
            explanation: '150 / 200 = 0,75, tức 75%.',
          },
        ],
      },
    },
  ],
  final: {
    title: 'Bài kiểm tra cuối khóa',
    passingScore: 50,
    timeLimitSeconds: 600,
    maxAttempts: 3,
    questionsPerAttempt: 5,
    questions: [
      {
        type: 'single',
        text: 'Điểm khác biệt chính giữa chính phủ số và chính phủ điện tử là gì?',
        options: [
          ['Chính phủ số vận hành và ra quyết định dựa trên dữ liệu', true],
          ['Chính phủ số dùng nhiều máy tính hơn', false],
          ['Chính phủ số không còn bộ phận một cửa', false],
        ],
        explanation: 'Chính phủ số lấy dữ liệu làm nền tảng cho vận hành và ra quyết định.',
      },
      {
        type: 'single',
        text: 'Đề án 06 được phê duyệt bằng văn bản nào?',
        options: [
          ['Quyết định số 06/QĐ-TTg ngày 06/01/2022', true],
          ['Quyết định số 749/QĐ-TTg ngày 03/6/2020', false],
          ['Nghị định số 42/2022/NĐ-CP', false],
        ],
        explanation: 'Đề án 06 mang số hiệu của chính quyết định phê duyệt: 06/QĐ-TTg.',
      },
      tf(
        'Tài khoản định danh điện tử mức độ 2 được đăng ký trực tiếp tại cơ quan công an.',
        true,
        'Mức độ 2 cần thu nhận ảnh chân dung và vân tay nên đăng ký trực tiếp.',
      ),
      {
        type: 'multiple',
        text: 'Người dân làm được những việc nào trên Cổng Dịch vụ công quốc gia?',
        options: [
          ['Nộp hồ sơ và theo dõi tiến độ', true],
          ['Thanh toán phí, lệ phí trực tuyến', true],
          ['Phản ánh, kiến nghị', true],
          ['Sửa trực tiếp dữ liệu trong Cơ sở dữ liệu quốc gia về dân cư', false],
        ],
        explanation:
          'Người dân không tự sửa dữ liệu dân cư; việc điều chỉnh do cơ quan có thẩm quyền thực hiện.',
      },
      {
        type: 'single',
        text: 'Mục tiêu đúng khi phát triển dịch vụ công trực tuyến là gì?',
        options: [
          ['Tăng tỷ lệ hồ sơ được xử lý trực tuyến toàn trình', true],
          ['Tăng số dịch vụ được đưa lên mạng, dù ít người dùng', false],
          ['Giảm số cán bộ một cửa xuống bằng không', false],
        ],
        explanation:
          'Hiệu quả đo bằng hồ sơ thực sự được giải quyết trực tuyến, không phải số dịch vụ trên danh mục.',
      },
      tf(
        'Tổ công nghệ số cộng đồng hỗ trợ người dân sử dụng các dịch vụ số ngay tại thôn, tổ dân phố.',
        true,
        'Đây là lực lượng "đi từng ngõ, gõ từng nhà" hướng dẫn người dân.',
      ),
      {
        type: 'single',
        text: 'Dịch vụ công trực tuyến toàn trình là dịch vụ...',
        options: [
          [
            'Người dân thực hiện mọi bước, từ nộp hồ sơ đến nhận kết quả, trên môi trường mạng',
            true,
          ],
          ['Chỉ cho phép tải mẫu đơn về máy', false],
          ['Nộp trực tuyến nhưng phải đến nhận kết quả bằng giấy', false],
        ],
        explanation:
          'Toàn trình: thông tin, hồ sơ, thanh toán và kết quả đều trên môi trường mạng.',
      },
      tf(
        'Ứng dụng VNeID là ứng dụng định danh và xác thực điện tử do Bộ Công an quản lý.',
        true,
        'VNeID do Bộ Công an xây dựng, phục vụ Đề án 06.',
      ),
      {
        type: 'multiple',
        text: 'Những lợi ích nào của việc liên thông, chia sẻ dữ liệu giữa các cơ quan nhà nước?',
        options: [
          ['Người dân không phải khai lại thông tin đã cung cấp', true],
          ['Rút ngắn thời gian giải quyết thủ tục', true],
          ['Tăng số bản sao giấy tờ phải nộp', false],
        ],
        explanation: 'Chia sẻ dữ liệu giúp giảm giấy tờ và thời gian cho người dân.',
      },
      tf(
        'Thanh toán trực tuyến nghĩa vụ tài chính khi làm thủ tục hành chính là không được phép.',
        false,
        'Cổng Dịch vụ công quốc gia hỗ trợ thanh toán trực tuyến phí, lệ phí.',
      ),
    ],
  },
};
