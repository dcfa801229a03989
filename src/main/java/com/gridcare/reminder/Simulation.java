package com.gridcare.reminder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * {@code channel-eval}'s engine: billing cycles of simulated customers under each policy, side by side. Every policy
 * meets the same customers, bills and luck (common random numbers: per cycle and customer one draw decides paying
 * uncontacted, one per channel whether a contact converts, one whether it is interacted with), so differences between
 * policies are their choices, not chance.
 *
 * <p>Net value = value rate × (amount paid on time − amount the same bills would have paid on time with no contact at
 * all) − contact cost: what the contacts earned, net. A bill's amount is the customer's usual bill × a log-normal
 * month factor (σ = 0.2). The learned policy is the planner's own recommender, budgets and learning, fed only with
 * whether each bill was paid on time.
 */
final class Simulation {

    /** Rolling window of the most-engaged rule: six monthly cycles. */
    private static final int ENGAGEMENT_WINDOW = 6;

    record Settings(int cycles, long seed, double valueRate, double[] costs, Map<ContactOption, Integer> dailyBudgets,
            ChannelRecommender.Settings recommender) {
    }

    record Figures(double netValue, double onTimeRate, double contactCost, double amountOnTime, long contacts) {
    }

    record Cycle(int cycle, Map<String, Figures> policies) {
    }

    record Result(List<Cycle> cycles, ContactOption bestStaticChannel) {
    }

    private final List<SimulatedCustomer> customers;
    private final SimulatedTruth truth;
    private final Settings settings;
    private final List<Customer> views = new ArrayList<>();

    Simulation(List<SimulatedCustomer> customers, SimulatedTruth truth, Settings settings) {
        this.customers = customers;
        this.truth = truth;
        this.settings = settings;
        for (int i = 0; i < customers.size(); i++) {
            SimulatedCustomer customer = customers.get(i);
            var reachable = java.util.EnumSet.noneOf(ContactOption.class);
            for (ContactOption option : ContactOption.ALL) {
                if (truth.reaches(i, option)) {
                    reachable.add(option);
                }
            }
            views.add(new Customer(customer.customerId(), customer.accountNo(), customer.highVoltage(),
                    customer.prepaid(), customer.habit(), customer.tenureYears(), customer.riskProbability(), reachable,
                    null));
        }
    }

    /** One cycle's shared luck and bills. */
    private record Luck(double[] amounts, double[] payAnyway, double[][] converts, double[] interacts) {
    }

    private interface Policy {
        ContactOption[] plan(int cycle, Luck luck);

        default void observe(int cycle, Luck luck, ContactOption[] chosen, boolean[] paid, boolean[] interacted) {
        }
    }

    Result run() {
        Map<String, Policy> policies = new LinkedHashMap<>();
        policies.put("learned", new Learned());
        policies.put("oracle", (cycle, luck) -> byValue(luck, this::oracleDecision));
        policies.put("wechat-only", (cycle, luck) -> everyone(luck, ContactOption.WECHAT_TEMPLATE));
        policies.put("cheapest", (cycle, luck) -> chosenBy(luck, this::cheapest));
        SplittableRandom randomChoices = new SplittableRandom(settings.seed() ^ 0x72616e64L);
        policies.put("random", (cycle, luck) -> chosenBy(luck, i -> {
            List<ContactOption> reach = List.copyOf(views.get(i).reachable());
            return reach.isEmpty() ? null : reach.get(randomChoices.nextInt(reach.size()));
        }));
        policies.put("most-engaged", new MostEngaged());
        for (ContactOption option : ContactOption.ALL) {
            policies.put("static:" + option.name(), (cycle, luck) -> everyone(luck, option));
        }

        List<Map<String, Figures>> perCycle = new ArrayList<>();
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            Luck luck = luck(cycle);
            double baseline = 0;
            for (int i = 0; i < customers.size(); i++) {
                if (luck.payAnyway[i] < truth.pNone[i]) {
                    baseline += luck.amounts[i];
                }
            }
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (var entry : policies.entrySet()) {
                ContactOption[] chosen = entry.getValue().plan(cycle, luck);
                boolean[] paid = new boolean[customers.size()];
                boolean[] interacted = new boolean[customers.size()];
                double amountOnTime = 0;
                double cost = 0;
                long onTime = 0;
                long contacts = 0;
                for (int i = 0; i < customers.size(); i++) {
                    ContactOption option = chosen[i];
                    double conversion = option == null ? 0 : truth.conversion[i][option.ordinal()];
                    paid[i] = luck.payAnyway[i] < truth.pNone[i]
                            || option != null && luck.converts[i][option.ordinal()] < conversion;
                    if (option != null) {
                        contacts++;
                        cost += settings.costs()[option.ordinal()];
                        interacted[i] = luck.interacts[i] < Math.min(0.95, 0.1 + 2 * conversion);
                    }
                    if (paid[i]) {
                        onTime++;
                        amountOnTime += luck.amounts[i];
                    }
                }
                entry.getValue().observe(cycle, luck, chosen, paid, interacted);
                figures.put(entry.getKey(), new Figures(settings.valueRate() * (amountOnTime - baseline) - cost,
                        onTime / (double) customers.size(), cost, amountOnTime, contacts));
            }
            perCycle.add(figures);
        }
        ContactOption bestStatic = ContactOption.ALL.stream().max(Comparator.comparingDouble(option -> perCycle
                .stream().mapToDouble(figures -> figures.get("static:" + option.name()).netValue()).sum())).orElseThrow();
        List<Cycle> cycles = new ArrayList<>();
        for (int c = 0; c < perCycle.size(); c++) {
            Map<String, Figures> named = new LinkedHashMap<>();
            perCycle.get(c).forEach((name, figures) -> {
                if (!name.startsWith("static:")) {
                    named.put(name, figures);
                }
            });
            named.put("best-static", perCycle.get(c).get("static:" + bestStatic.name()));
            cycles.add(new Cycle(c + 1, named));
        }
        return new Result(cycles, bestStatic);
    }

    private Luck luck(int cycle) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + cycle);
        int n = customers.size();
        double[] amounts = new double[n];
        double[] payAnyway = new double[n];
        double[][] converts = new double[n][ContactOption.count()];
        double[] interacts = new double[n];
        for (int i = 0; i < n; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI
                    * random.nextDouble());
            amounts[i] = Math.max(1, customers.get(i).usualBill() * Math.exp(0.2 * gaussian - 0.02));
            payAnyway[i] = random.nextDouble();
            for (int c = 0; c < converts[i].length; c++) {
                converts[i][c] = random.nextDouble();
            }
            interacts[i] = random.nextDouble();
        }
        return new Luck(amounts, payAnyway, converts, interacts);
    }

    private ContactOption[] chosenBy(Luck luck, java.util.function.IntFunction<ContactOption> choice) {
        List<BudgetAllocator.Slot<Integer>> slots = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            ContactOption option = choice.apply(i);
            if (option != null) {
                slots.add(new BudgetAllocator.Slot<>(i, new Decision(List.of(option), List.of()), luck.amounts[i]));
            }
        }
        return allocate(slots);
    }

    private ContactOption[] everyone(Luck luck, ContactOption option) {
        return chosenBy(luck, i -> views.get(i).reachable().contains(option) ? option : null);
    }

    private ContactOption cheapest(int i) {
        return views.get(i).reachable().stream()
                .min(Comparator.comparingDouble(option -> settings.costs()[option.ordinal()])).orElse(null);
    }

    private ContactOption[] byValue(Luck luck, java.util.function.BiFunction<Integer, Double, Decision> decide) {
        List<BudgetAllocator.Slot<Integer>> slots = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            slots.add(new BudgetAllocator.Slot<>(i, decide.apply(i, luck.amounts[i] * settings.valueRate())));
        }
        return allocate(slots);
    }

    /** What the truth says each reachable channel is worth. */
    private Decision oracleDecision(int i, double value) {
        List<Expectation> expectations = new ArrayList<>();
        for (ContactOption option : views.get(i).reachable()) {
            double uplift = (1 - truth.pNone[i]) * truth.conversion[i][option.ordinal()];
            double cost = settings.costs()[option.ordinal()];
            expectations.add(new Expectation(option, uplift, uplift, cost, uplift * value - cost));
        }
        expectations.sort(Comparator.comparingDouble(Expectation::netValue).reversed());
        return new Decision(expectations.stream().filter(e -> e.netValue() > 0).map(Expectation::channel).toList(),
                expectations);
    }

    private ContactOption[] allocate(List<BudgetAllocator.Slot<Integer>> slots) {
        new BudgetAllocator(settings.dailyBudgets()).allocate(slots);
        ContactOption[] chosen = new ContactOption[customers.size()];
        slots.forEach(slot -> chosen[slot.item] = slot.assigned);
        return chosen;
    }

    /** The planner's recommender, learning from whether each bill was paid on time and nothing else. */
    private final class Learned implements Policy {

        private final ChannelRecommender recommender = new ChannelRecommender(new ResponseModels(),
                settings.recommender());
        private final Evidence[] evidence = new Evidence[customers.size()];
        private final RandomGenerator random = new Well19937c(settings.seed());

        Learned() {
            for (int i = 0; i < evidence.length; i++) {
                evidence[i] = new Evidence();
            }
        }

        @Override
        public ContactOption[] plan(int cycle, Luck luck) {
            return byValue(luck, (i, value) -> recommender.decide(views.get(i),
                    Features.of(views.get(i), luck.amounts[i]), evidence[i], value, settings.costs(), random));
        }

        @Override
        public void observe(int cycle, Luck luck, ContactOption[] chosen, boolean[] paid, boolean[] interacted) {
            for (int i = 0; i < chosen.length; i++) {
                recommender.learn(Features.of(views.get(i), luck.amounts[i]), evidence[i],
                        chosen[i] == null ? List.of() : List.of(chosen[i]), paid[i]);
            }
        }
    }

    /**
     * The rule of the best-known commercial tool (Braze's Intelligent Channel): per customer the channel with the
     * highest interactions ÷ messages over the last six months, once they had at least three messages on at least two
     * channels; before that WeChat (SMS for those not on WeChat), every third message on the next cheapest channel
     * they can be reached on so that the rule gets its two channels, as the tool's users do with multi-channel
     * campaigns. No cost, and never "no contact".
     */
    private final class MostEngaged implements Policy {

        private final int[][][] messages = new int[ENGAGEMENT_WINDOW][customers.size()][ContactOption.count()];
        private final int[][][] interactions = new int[ENGAGEMENT_WINDOW][customers.size()][ContactOption.count()];

        @Override
        public ContactOption[] plan(int cycle, Luck luck) {
            return chosenBy(luck, i -> choose(cycle, i));
        }

        private ContactOption choose(int cycle, int i) {
            var reachable = views.get(i).reachable();
            if (reachable.isEmpty()) {
                return null;
            }
            int[] sent = new int[ContactOption.count()];
            int[] engaged = new int[ContactOption.count()];
            for (int w = 0; w < ENGAGEMENT_WINDOW; w++) {
                for (int c = 0; c < sent.length; c++) {
                    sent[c] += messages[w][i][c];
                    engaged[c] += interactions[w][i][c];
                }
            }
            int total = 0;
            int channels = 0;
            for (int count : sent) {
                total += count;
                channels += count > 0 ? 1 : 0;
            }
            if (total >= 3 && channels >= 2) {
                ContactOption best = null;
                double bestRatio = -1;
                for (ContactOption option : reachable) {
                    int c = option.ordinal();
                    if (sent[c] > 0 && engaged[c] / (double) sent[c] > bestRatio) {
                        best = option;
                        bestRatio = engaged[c] / (double) sent[c];
                    }
                }
                if (best != null) {
                    return best;
                }
            }
            ContactOption usual = reachable.contains(ContactOption.WECHAT_TEMPLATE) ? ContactOption.WECHAT_TEMPLATE
                    : reachable.contains(ContactOption.SMS) ? ContactOption.SMS : cheapest(i);
            if (cycle % 3 != 0) {
                return usual;
            }
            return reachable.stream().filter(option -> option != usual)
                    .min(Comparator.comparingDouble(option -> settings.costs()[option.ordinal()])).orElse(usual);
        }

        @Override
        public void observe(int cycle, Luck luck, ContactOption[] chosen, boolean[] paid, boolean[] interacted) {
            int slot = cycle % ENGAGEMENT_WINDOW;
            for (int i = 0; i < chosen.length; i++) {
                java.util.Arrays.fill(messages[slot][i], 0);
                java.util.Arrays.fill(interactions[slot][i], 0);
                if (chosen[i] != null) {
                    messages[slot][i][chosen[i].ordinal()]++;
                    interactions[slot][i][chosen[i].ordinal()] += interacted[i] ? 1 : 0;
                }
            }
        }
    }
}
