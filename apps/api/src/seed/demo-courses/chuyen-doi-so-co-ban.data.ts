import { DEMO_TRAINING_INSTITUTION } from '../demo-org-units.data';
import { DemoCourse, tf } from './demo-course.types';

export const CHUYEN_DOI_SO_CO_BAN: DemoCourse = {
  code: 'CDS-CB-01',
  title: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
  description:
    'Khái niệm, mục tiêu và các trụ cột của chuyển đổi số quốc gia; cách làm việc trên môi trường số trong cơ quan nhà nước và vai trò của mỗi cán bộ, công chức.',
  hours: 1.5,
  ownerCode: 'VN',
  issuerCode: DEMO_TRAINING_INSTITUTION,
  author: 'quantri',
  publishedDaysAgo: 120,
  modules: [
    {
      title: 'Chương 1. Tổng quan về chuyển đổi số',
      lessons: [
        {
          title: 'Chuyển đổi số là gì?',
          minutes: 15,
          content: `Chuyển đổi số là quá trình thay đổi tổng thể và toàn diện cách sống, cách làm việc và phương thức sản xuất dựa trên các công nghệ số. Điểm cốt lõi **không nằm ở công cụ** mà ở việc thiết kế lại quy trình, mô hình tổ chức và cách phục vụ người dân.

Cần phân biệt ba mức độ:

- **Số hóa**: chuyển thông tin từ dạng giấy sang dạng số (ví dụ: quét hồ sơ lưu trữ).
- **Tin học hóa / ứng dụng công nghệ thông tin**: dùng phần mềm để hỗ trợ một quy trình sẵn có.
- **Chuyển đổi số**: dùng dữ liệu và công nghệ số để làm khác đi, tạo ra giá trị mới (ví dụ: thủ tục được giải quyết trực tuyến toàn trình, người dân không phải nộp lại giấy tờ đã có trong cơ sở dữ liệu).`,
        },
        {
          title: 'Ba trụ cột: chính phủ số, kinh tế số, xã hội số',
          minutes: 15,
          content: `Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 (Quyết định số 749/QĐ-TTg ngày 03/6/2020) xác định ba trụ cột:

1. **Chính phủ số**: cơ quan nhà nước vận hành dựa trên dữ liệu, cung cấp dịch vụ công trực tuyến thuận tiện, minh bạch.
2. **Kinh tế số**: doanh nghiệp và người lao động tạo ra giá trị nhờ công nghệ số và dữ liệu.
3. **Xã hội số**: người dân có kỹ năng số, được tiếp cận dịch vụ số an toàn, không ai bị bỏ lại phía sau.

Ngày 10 tháng 10 hằng năm là **Ngày Chuyển đổi số quốc gia**, dịp để các cơ quan, địa phương đánh giá kết quả và lan tỏa cách làm hay.`,
        },
      ],
      practice: {
        title: 'Tự kiểm tra chương 1',
        passingScore: 50,
        timeLimitSeconds: null,
        maxAttempts: null,
        questionsPerAttempt: null,
        questions: [
          {
            type: 'single',
            text: 'Việc quét toàn bộ hồ sơ giấy thành tệp PDF để lưu trữ thuộc mức độ nào?',
            options: [
              ['Số hóa', true],
              ['Chuyển đổi số', false],
              ['Kinh tế số', false],
            ],
            explanation:
              'Quét hồ sơ chỉ chuyển thông tin sang dạng số, chưa thay đổi cách làm: đó là số hóa.',
          },
          tf(
            'Chuyển đổi số chủ yếu là việc mua sắm thêm máy tính và phần mềm.',
            false,
            'Công cụ chỉ là phương tiện; cốt lõi là thay đổi quy trình, cách làm việc và tư duy.',
          ),
          {
            type: 'multiple',
            text: 'Những trụ cột nào thuộc Chương trình Chuyển đổi số quốc gia?',
            options: [
              ['Chính phủ số', true],
              ['Kinh tế số', true],
              ['Xã hội số', true],
              ['Văn phòng không giấy tờ', false],
            ],
            explanation: 'Ba trụ cột là chính phủ số, kinh tế số và xã hội số.',
          },
          {
            type: 'short_answer',
            text: 'Ngày Chuyển đổi số quốc gia là ngày nào trong năm? (ghi dạng ngày/tháng)',
            options: [
              ['10/10', true],
              ['10-10', true],
              ['10 tháng 10', true],
            ],
            ignoreDiacritics: true,
            explanation: 'Ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia.',
          },
          {
            type: 'matching',
            text: 'Ghép mỗi việc làm với mức độ tương ứng',
            options: [
              ['Quét hồ sơ giấy thành tệp PDF', true],
              ['Giải quyết thủ tục hoàn toàn trên mạng, dùng lại dữ liệu đã có', true],
              ['Bán nông sản qua sàn thương mại điện tử', true],
            ],
            matches: ['Số hóa', 'Chính phủ số', 'Kinh tế số'],
            explanation:
              'Số hóa chuyển thông tin sang dạng số; chính phủ số đổi cách phục vụ; kinh tế số đổi cách làm ăn.',
          },
        ],
      },
    },
    {
      title: 'Chương 2. Làm việc trên môi trường số',
      lessons: [
        {
          title: 'Văn bản điện tử và chữ ký số',
          minutes: 15,
          content: `Theo Nghị định số 30/2020/NĐ-CP về công tác văn thư, văn bản điện tử được ký số bằng chữ ký số chuyên dùng có **giá trị pháp lý như bản gốc văn bản giấy**.

Một quy trình xử lý văn bản trên môi trường số gồm:

- Tiếp nhận văn bản đến qua hệ thống quản lý văn bản và điều hành.
- Phân công, xử lý và theo dõi tiến độ ngay trên hệ thống.
- Ký số, phát hành và lưu trữ văn bản điện tử.

Lợi ích: giảm thời gian luân chuyển, tra cứu nhanh, tiết kiệm giấy in và chi phí gửi nhận.`,
        },
        {
          title: 'Dữ liệu là tài nguyên',
          minutes: 15,
          content: `Trong chính phủ số, dữ liệu được coi là **tài nguyên** của cơ quan nhà nước. Dữ liệu chỉ có giá trị khi *đúng, đủ, sạch, sống*:

- **Đúng**: phản ánh chính xác thực tế.
- **Đủ**: có đầy đủ các trường thông tin cần thiết.
- **Sạch**: được chuẩn hóa, không trùng lặp.
- **Sống**: được cập nhật thường xuyên.

Nguyên tắc quan trọng: người dân chỉ cung cấp thông tin **một lần**; cơ quan nhà nước chia sẻ, khai thác lại dữ liệu đã có thay vì yêu cầu nộp lại giấy tờ.`,
        },
      ],
    },
    {
      title: 'Chương 3. Vai trò của cán bộ, công chức',
      lessons: [
        {
          title: 'Kỹ năng số cần có',
          minutes: 15,
          content: `Mỗi cán bộ, công chức cần thành thạo tối thiểu các nhóm kỹ năng:

- Sử dụng hệ thống quản lý văn bản, thư điện tử công vụ, chữ ký số.
- Tìm kiếm, đánh giá và quản lý thông tin, dữ liệu.
- Giao tiếp và cộng tác trực tuyến: họp trực tuyến, chia sẻ tài liệu.
- Bảo đảm an toàn thông tin cá nhân và của cơ quan.

Việc tự học thường xuyên (như khóa học này) là một phần của nhiệm vụ.`,
        },
        {
          title: 'Thay đổi tư duy và lề lối làm việc',
          minutes: 15,
          content: `Chuyển đổi số trước hết là **chuyển đổi nhận thức**. Người đứng đầu giữ vai trò quyết định, nhưng mỗi cán bộ đều có thể bắt đầu từ công việc hằng ngày:

1. Xử lý hồ sơ trên hệ thống thay vì trên giấy.
2. Đề xuất bỏ bớt các bước, giấy tờ không cần thiết.
3. Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.

> Lấy người dân, doanh nghiệp làm trung tâm: dịch vụ tốt là dịch vụ người dùng không phải đi lại nhiều lần.`,
        },
      ],
    },
  ],
  final: {
    title: 'Bài kiểm tra cuối khóa',
    passingScore: 60,
    timeLimitSeconds: 900,
    maxAttempts: 3,
    questionsPerAttempt: 5,
    questions: [
      {
        type: 'single',
        text: 'Quyết định nào phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030?',
        options: [
          ['Quyết định số 749/QĐ-TTg', true],
          ['Nghị định số 30/2020/NĐ-CP', false],
          ['Quyết định số 06/QĐ-TTg', false],
        ],
        explanation: 'Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.',
      },
      {
        type: 'single',
        text: 'Ngày Chuyển đổi số quốc gia là ngày nào?',
        options: [
          ['10 tháng 10', true],
          ['2 tháng 9', false],
          ['1 tháng 7', false],
          ['20 tháng 11', false],
        ],
        explanation: 'Ngày 10/10 hằng năm được chọn là Ngày Chuyển đổi số quốc gia.',
      },
      tf(
        'Văn bản điện tử được ký số đúng quy định có giá trị pháp lý như bản gốc văn bản giấy.',
        true,
        'Nghị định số 30/2020/NĐ-CP quy định như vậy.',
      ),
      {
        type: 'multiple',
        text: 'Dữ liệu có giá trị khi đáp ứng những yêu cầu nào?',
        options: [
          ['Đúng', true],
          ['Đủ', true],
          ['Sạch', true],
          ['Sống', true],
          ['Được in ra giấy', false],
        ],
        explanation:
          'Dữ liệu cần "đúng, đủ, sạch, sống"; in ra giấy không làm tăng giá trị dữ liệu.',
      },
      tf(
        'Người dân phải nộp lại giấy tờ mỗi lần làm thủ tục, kể cả khi thông tin đã có trong cơ sở dữ liệu.',
        false,
        'Nguyên tắc là người dân chỉ cung cấp thông tin một lần; cơ quan nhà nước khai thác lại dữ liệu đã có.',
      ),
      {
        type: 'single',
        text: 'Yếu tố nào là cốt lõi của chuyển đổi số?',
        options: [
          ['Thay đổi quy trình, cách làm và tư duy dựa trên dữ liệu và công nghệ số', true],
          ['Trang bị máy tính cấu hình cao', false],
          ['Quét toàn bộ hồ sơ giấy', false],
        ],
        explanation: 'Công nghệ là phương tiện; chuyển đổi số là làm khác đi để tạo giá trị mới.',
      },
      {
        type: 'multiple',
        text: 'Cán bộ, công chức có thể góp phần chuyển đổi số bằng những việc nào?',
        options: [
          ['Xử lý hồ sơ trên hệ thống thay vì trên giấy', true],
          ['Hướng dẫn người dân dùng dịch vụ công trực tuyến', true],
          ['Yêu cầu người dân nộp thêm bản sao công chứng', false],
        ],
        explanation: 'Đòi thêm giấy tờ đi ngược mục tiêu giảm thủ tục cho người dân.',
      },
      tf(
        'Chuyển đổi số là nhiệm vụ riêng của bộ phận công nghệ thông tin.',
        false,
        'Chuyển đổi số là nhiệm vụ của cả cơ quan, trước hết là người đứng đầu, và của từng cán bộ.',
      ),
      {
        type: 'single',
        text: 'Ba trụ cột của chuyển đổi số quốc gia là gì?',
        options: [
          ['Chính phủ số, kinh tế số và xã hội số', true],
          ['Phần cứng, phần mềm và mạng', false],
          ['Trung ương, tỉnh và xã', false],
        ],
        explanation:
          'Quyết định số 749/QĐ-TTg xác định ba trụ cột: chính phủ số, kinh tế số, xã hội số.',
      },
      tf(
        'Người đứng đầu cơ quan chịu trách nhiệm trực tiếp về chuyển đổi số của cơ quan mình.',
        true,
        'Chuyển đổi số trước hết là chuyển đổi nhận thức, và người đứng đầu phải trực tiếp chỉ đạo.',
      ),
    ],
  },
};
