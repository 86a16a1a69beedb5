package vn.contest.core.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.message.Choice;
import vn.contest.core.text.Folding;

/** The participant group, from the contest's {@code groups[]}: by button, number, name or alias. */
final class GroupStep implements Step {
    @Override
    public void prompt(Turn t) {
        List<GroupConfig> groups = t.contest.config().groups();
        String list = groups.stream().map(g -> g.code() + ". " + g.name()).collect(Collectors.joining("\n"));
        List<String> codes = groups.stream().map(g -> String.valueOf(g.code())).toList();
        String typed = codes.size() == 1 ? codes.get(0)
                : String.join(", ", codes.subList(0, codes.size() - 1)) + " hoặc " + codes.get(codes.size() - 1);
        t.say(Texts.format(Texts.ASK_GROUP, list, typed),
                groups.stream().map(g -> new Choice(Tokens.group(g.code()), g.code() + ". " + g.shortName())).toList());
    }

    @Override
    public Next accept(Turn t) {
        Optional<GroupConfig> group = Tokens.parseGroup(t.choice()).flatMap(t.contest.config()::group).or(() -> typed(t));
        if (group.isEmpty()) {
            prompt(t);
            return Next.STAY;
        }
        t.account.draft.group = group.get().code();
        return Next.to(State.UNIT);
    }

    /** "2", "nhóm 2", the group's name or short name, or one of its aliases, alone or at the start ("cán bộ xã"). */
    private static Optional<GroupConfig> typed(Turn t) {
        String f = t.folded();
        return t.contest.config().groups().stream().filter(g -> f.equals(String.valueOf(g.code()))
                || f.equals("nhom " + g.code()) || f.equals(Folding.fold(g.name())) || f.equals(Folding.fold(g.shortName()))
                || g.aliases().stream().anyMatch(a -> f.equals(a) || f.startsWith(a + " "))).findFirst();
    }

    static String label(Turn t, int group) {
        return t.contest.config().group(group).map(GroupConfig::shortName).orElse(String.valueOf(group));
    }
}
