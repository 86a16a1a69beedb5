package vn.contest.admin.pages;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Templates;
import vn.contest.core.contest.Contest;
import vn.contest.core.report.Anomalies;

/** "Dấu hiệu bất thường": leads for the secretariat, each linking to the people, who can be disqualified from there. */
public final class AnomaliesPage {
    private final Jdbi jdbi;
    private final Supplier<Contest> live;

    public AnomaliesPage(Jdbi jdbi, Supplier<Contest> live) {
        this.jdbi = jdbi;
        this.live = live;
    }

    public record Person(long id, String name) {}

    public record Lead(String about, long count, List<Person> people) {}

    public record Section(String title, String explanation, List<Lead> leads) {}

    public record View(Page page, List<Section> sections) {}

    public void show(Context ctx) {
        Contest contest = live.get();
        View view = jdbi.withHandle(h -> {
            List<List<Anomalies.Lead>> found = List.of(Anomalies.sameAddress(h, contest.id()),
                    Anomalies.bursts(h, contest.id(), contest.config().timezone()), Anomalies.fastHighScores(h, contest.id()),
                    Anomalies.identicalAnswers(h, contest.id()));
            Map<Long, String> names = Anomalies.names(h, found.stream().flatMap(List::stream)
                    .flatMap(l -> l.participantIds().stream()).distinct().toList());
            List<String> titles = List.of("Nhiều đăng ký từ một địa chỉ mạng", "Đăng ký dồn dập vào một đơn vị",
                    "Bài làm nhanh bất thường với điểm cao", "Nhiều người trả lời giống hệt nhau");
            List<String> explanations = List.of(
                    "Từ " + Anomalies.SAME_ADDRESS + " đăng ký trở lên qua trang web từ cùng một địa chỉ (một phòng máy cũng có thể như vậy).",
                    "Từ " + Anomalies.BURST + " đăng ký trở lên vào cùng một đơn vị trong 10 phút.",
                    "Đúng từ 90% trở lên, dưới " + Anomalies.SECONDS_PER_QUESTION + " giây mỗi câu.",
                    "Cùng bộ câu hỏi và cùng lựa chọn ở mọi câu.");
            List<Section> sections = Stream.iterate(0, i -> i + 1).limit(found.size())
                    .map(i -> new Section(titles.get(i), explanations.get(i), found.get(i).stream()
                            .map(l -> new Lead(l.about(), l.count(), l.participantIds().stream()
                                    .map(id -> new Person(id, names.getOrDefault(id, "#" + id))).toList())).toList()))
                    .toList();
            return new View(AdminContext.page(ctx, contest, "Dấu hiệu bất thường", "anomalies"), sections);
        });
        ctx.html(Templates.render("anomalies.jte", view));
    }
}
