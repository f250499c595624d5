import { DEMO_TRAINING_INSTITUTION } from '../demo-org-units.data';
import { DemoCourse, tf } from './demo-course.types';

export const DU_LIEU_SO: DemoCourse = {
  code: 'DLS-KT-01',
  title: 'Dữ liệu số và khai thác dữ liệu',
  description:
    'Hiểu về dữ liệu số, dữ liệu mở và dữ liệu cá nhân; thu thập, làm sạch, phân tích và trình bày dữ liệu phục vụ chỉ đạo, điều hành.',
  hours: 2,
  ownerCode: 'VN',
  issuerCode: DEMO_TRAINING_INSTITUTION,
  author: 'quantri',
  publishedDaysAgo: 60,
  modules: [
    {
      title: 'Chương 1. Dữ liệu và dữ liệu số',
      lessons: [
        {
          title: 'Dữ liệu, thông tin và tri thức',
          minutes: 20,
          content: `**Dữ liệu** là các con số, ký hiệu, sự kiện được ghi nhận (ví dụ: số hồ sơ tiếp nhận mỗi ngày). Khi được tổ chức và đặt trong bối cảnh, dữ liệu trở thành **thông tin** ("số hồ sơ tăng 20% so với tháng trước"). Khi thông tin được phân tích để rút ra cách hành động, ta có **tri thức** ("cần bố trí thêm một cán bộ tiếp nhận vào thứ Hai").

Dữ liệu số là dữ liệu được lưu dưới dạng máy tính đọc và xử lý được: bảng tính, cơ sở dữ liệu, tệp văn bản có cấu trúc.`,
        },
        {
          title: 'Dữ liệu mở, dữ liệu dùng chung và dữ liệu cá nhân',
          minutes: 20,
          content: `Luật Dữ liệu năm 2024 đặt khung pháp lý cho việc xây dựng, quản lý, chia sẻ và khai thác dữ liệu. Cần phân biệt:

- **Dữ liệu mở**: được công bố rộng rãi cho mọi tổ chức, cá nhân tự do sử dụng, tái sử dụng.
- **Dữ liệu dùng chung**: được chia sẻ giữa các cơ quan nhà nước để giải quyết công việc.
- **Dữ liệu cá nhân**: thông tin gắn với một con người cụ thể; việc xử lý phải tuân thủ Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.

Nguyên tắc: chỉ thu thập dữ liệu cá nhân **cần thiết** cho mục đích đã nêu, và bảo vệ nó trong suốt vòng đời.`,
        },
      ],
    },
    {
      title: 'Chương 2. Thu thập và làm sạch dữ liệu',
      lessons: [
        {
          title: 'Thiết kế biểu mẫu thu thập dữ liệu',
          minutes: 15,
          content: `Dữ liệu sạch bắt đầu từ biểu mẫu tốt:

1. Mỗi cột chỉ chứa **một loại thông tin** (không gộp "họ tên, ngày sinh" vào một ô).
2. Dùng **danh mục dùng chung** cho các trường có giá trị cố định: đơn vị hành chính, giới tính, dân tộc.
3. Quy định rõ định dạng ngày (ví dụ \`dd/mm/yyyy\`) và kiểm tra ngay khi nhập.
4. Có trường khóa để nhận diện duy nhất mỗi bản ghi, như số định danh cá nhân hoặc mã hồ sơ.`,
        },
        {
          title: 'Làm sạch dữ liệu bằng bảng tính',
          minutes: 25,
          content: `Trước khi phân tích, hãy kiểm tra và xử lý các lỗi thường gặp:

- **Bản ghi trùng lặp**: dùng chức năng *Remove Duplicates* theo trường khóa.
- **Khoảng trắng thừa**: hàm \`TRIM()\` loại bỏ khoảng trắng đầu, cuối.
- **Ngày tháng sai định dạng**: đưa về một định dạng thống nhất; đánh dấu các giá trị không hợp lệ để hỏi lại.
- **Cách viết khác nhau** của cùng một giá trị ("Hà Nội", "TP. Hà Nội", "HN"): thay bằng mã trong danh mục.

Luôn giữ lại bản gốc và ghi chú những thay đổi đã thực hiện.`,
        },
      ],
    },
    {
      title: 'Chương 3. Phân tích và trình bày dữ liệu',
      lessons: [
        {
          title: 'Chỉ tiêu và bảng tổng hợp',
          minutes: 20,
          content: `Phân tích bắt đầu bằng **câu hỏi** cần trả lời, sau đó mới chọn chỉ tiêu. Ví dụ: "Tỷ lệ hồ sơ giải quyết đúng hạn của từng xã trong quý là bao nhiêu?"

Bảng tổng hợp (*PivotTable*) giúp:

- Gom nhóm theo đơn vị, thời gian, loại thủ tục.
- Tính tổng, đếm, trung bình chỉ bằng thao tác kéo thả.
- Lọc nhanh để so sánh giữa các nhóm.`,
        },
        {
          title: 'Trực quan hóa dữ liệu',
          minutes: 20,
          content: `Chọn biểu đồ theo thông điệp muốn truyền tải:

| Thông điệp | Biểu đồ phù hợp |
|---|---|
| So sánh giữa các đơn vị | Cột, thanh ngang |
| Xu hướng theo thời gian | Đường |
| Tỷ trọng các phần của tổng thể | Tròn (ít hạng mục) |

Mỗi biểu đồ cần tiêu đề rõ ràng, đơn vị tính và nguồn số liệu. Tránh hiệu ứng 3D làm sai lệch cảm nhận về độ lớn.`,
        },
      ],
    },
  ],
  final: {
    title: 'Bài kiểm tra cuối khóa',
    passingScore: 50,
    timeLimitSeconds: 900,
    maxAttempts: 3,
    questionsPerAttempt: 5,
    questions: [
      {
        type: 'single',
        text: '"Số hồ sơ tháng này tăng 20% so với tháng trước" là ví dụ của...',
        options: [
          ['Thông tin', true],
          ['Dữ liệu thô', false],
          ['Tri thức', false],
        ],
        explanation: 'Dữ liệu được tổ chức, đặt trong bối cảnh so sánh đã trở thành thông tin.',
      },
      {
        type: 'single',
        text: 'Văn bản nào quy định về bảo vệ dữ liệu cá nhân?',
        options: [
          ['Nghị định số 13/2023/NĐ-CP', true],
          ['Nghị định số 30/2020/NĐ-CP', false],
          ['Quyết định số 749/QĐ-TTg', false],
        ],
        explanation: 'Nghị định số 13/2023/NĐ-CP quy định về bảo vệ dữ liệu cá nhân.',
      },
      {
        type: 'multiple',
        text: 'Những việc nào giúp dữ liệu thu thập được "sạch" ngay từ đầu?',
        options: [
          ['Mỗi cột chỉ chứa một loại thông tin', true],
          ['Dùng danh mục dùng chung cho đơn vị hành chính', true],
          ['Cho phép mỗi người nhập ngày tháng theo cách quen thuộc', false],
          ['Có trường khóa nhận diện duy nhất bản ghi', true],
        ],
        explanation:
          'Định dạng ngày tự do là nguồn lỗi phổ biến; cần quy định một định dạng thống nhất.',
      },
      tf(
        'Khi làm sạch dữ liệu nên ghi đè trực tiếp lên bản gốc để tiết kiệm dung lượng.',
        false,
        'Luôn giữ bản gốc và ghi lại các thay đổi để có thể kiểm tra, khôi phục.',
      ),
      {
        type: 'single',
        text: 'Muốn thể hiện xu hướng số hồ sơ trực tuyến qua 12 tháng, nên dùng biểu đồ nào?',
        options: [
          ['Biểu đồ đường', true],
          ['Biểu đồ tròn', false],
          ['Biểu đồ cột 3D', false],
        ],
        explanation: 'Biểu đồ đường phù hợp nhất để thể hiện xu hướng theo thời gian.',
      },
      tf(
        'Dữ liệu mở là dữ liệu được công bố để mọi tổ chức, cá nhân tự do sử dụng và tái sử dụng.',
        true,
        'Đó chính là định nghĩa của dữ liệu mở.',
      ),
      {
        type: 'single',
        text: 'Trong bảng tính, mỗi hàng của một bảng dữ liệu nên chứa gì?',
        options: [
          ['Một bản ghi (ví dụ một hồ sơ)', true],
          ['Nhiều bản ghi gộp chung trong một ô', false],
          ['Tiêu đề và ghi chú xen kẽ', false],
        ],
        explanation: 'Mỗi hàng một bản ghi, mỗi cột một trường: dữ liệu mới lọc và tổng hợp được.',
      },
      tf(
        'Trộn ô (merge cells) trong bảng dữ liệu nguồn giúp việc lọc và tổng hợp dễ hơn.',
        false,
        'Ô trộn làm hỏng cấu trúc bảng; chỉ nên dùng ở bảng trình bày, không ở dữ liệu nguồn.',
      ),
      {
        type: 'multiple',
        text: 'Những thông tin nào là dữ liệu cá nhân?',
        options: [
          ['Số định danh cá nhân', true],
          ['Số điện thoại của một người', true],
          ['Số hồ sơ tiếp nhận trong tháng của cả xã', false],
        ],
        explanation: 'Dữ liệu cá nhân gắn với một con người cụ thể; số liệu tổng hợp thì không.',
      },
      tf(
        'Trước khi chia sẻ dữ liệu ra ngoài cơ quan cần loại bỏ hoặc ẩn thông tin cá nhân không cần thiết.',
        true,
        'Chỉ chia sẻ những gì cần cho mục đích, đúng quy định về bảo vệ dữ liệu cá nhân.',
      ),
    ],
  },
};
