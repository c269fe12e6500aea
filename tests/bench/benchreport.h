#pragma once
// Figures of a benchmark next to their baselines. A run is the product's figure and its
// baseline measured back to back; a Figure collects the runs and prints, per run and over all
// runs (min/median/max), the product, the baseline and the ratio product/baseline, as a human
// line and as one JSON object per line (also appended to $SLATE_BENCH_JSON when that is set).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace Slate::Bench {

// Nearest-rank percentile (fraction 0.5 = p50) of unsorted samples; 0 for none.
inline double percentile(std::vector<double> samples, double fraction)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const size_t rank = size_t(std::ceil(fraction * double(samples.size())));
    return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

struct Spread {
    double min = 0;
    double median = 0;
    double max = 0;
};

// The median of an even count is the mean of the middle two.
inline Spread spreadOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    const double median = values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    return Spread{values.front(), median, values.back()};
}

inline QJsonObject spreadJson(const Spread &spread)
{
    return QJsonObject{{QStringLiteral("min"), spread.min}, {QStringLiteral("median"), spread.median}, {QStringLiteral("max"), spread.max}};
}

// Appends one JSON object as a line to stdout and to $SLATE_BENCH_JSON.
inline void printJsonLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
    const QString path = qEnvironmentVariable("SLATE_BENCH_JSON");
    if (!path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::Append))
            file.write(line);
    }
}

inline QString number(double value)
{
    if (value != 0 && std::fabs(value) < 10)
        return QString::number(value, 'f', std::fabs(value) < 0.1 ? 4 : 3);
    return QString::number(value, 'f', 0);
}

class Figure {
public:
    enum class Better { Higher, Lower };

    // name: a stable key ("ingest"); title: what a person reads; parameters: sizes and backend;
    // baseline: what the baseline is, in words.
    Figure(QString name, QString title, QString unit, Better better, QJsonObject parameters, QString baseline)
        : m_name(std::move(name)), m_title(std::move(title)), m_unit(std::move(unit)), m_better(better),
          m_parameters(std::move(parameters)), m_baseline(std::move(baseline))
    {
    }

    // One run: the product's figure and the baseline's, measured back to back; extra is kept in
    // the JSON (e.g. the run's latencies or memory).
    void addRun(double product, double baseline, const QJsonObject &extra = {})
    {
        m_product.push_back(product);
        m_baselines.push_back(baseline);
        m_ratios.push_back(baseline != 0 ? product / baseline : 0);
        m_extras.append(extra);
        std::printf("  %s run %zu: product %s %s, baseline %s %s, ratio %s\n", qPrintable(m_title), m_product.size(),
                    qPrintable(number(product)), qPrintable(m_unit), qPrintable(number(baseline)), qPrintable(m_unit),
                    qPrintable(number(m_ratios.back())));
        std::fflush(stdout);
    }

    size_t runs() const { return m_product.size(); }

    // The summary over the runs, human and JSON.
    void print() const
    {
        const Spread product = spreadOf(m_product), baseline = spreadOf(m_baselines), ratio = spreadOf(m_ratios);
        std::printf("%s [%s, %s is better; min/median/max over %zu runs]\n"
                    "    product  %s / %s / %s\n    baseline %s / %s / %s   (%s)\n    ratio    %s / %s / %s\n",
                    qPrintable(m_title), qPrintable(m_unit), m_better == Better::Higher ? "higher" : "lower", m_product.size(),
                    qPrintable(number(product.min)), qPrintable(number(product.median)), qPrintable(number(product.max)),
                    qPrintable(number(baseline.min)), qPrintable(number(baseline.median)), qPrintable(number(baseline.max)),
                    qPrintable(m_baseline), qPrintable(number(ratio.min)), qPrintable(number(ratio.median)),
                    qPrintable(number(ratio.max)));
        QJsonArray runs;
        for (size_t i = 0; i < m_product.size(); ++i) {
            QJsonObject run = m_extras.at(qsizetype(i)).toObject();
            run.insert(QStringLiteral("product"), m_product[i]);
            run.insert(QStringLiteral("baseline"), m_baselines[i]);
            run.insert(QStringLiteral("ratio"), m_ratios[i]);
            runs.append(run);
        }
        printJsonLine(QJsonObject{{QStringLiteral("bench"), QStringLiteral("sync")},
                                  {QStringLiteral("figure"), m_name},
                                  {QStringLiteral("title"), m_title},
                                  {QStringLiteral("unit"), m_unit},
                                  {QStringLiteral("better"), m_better == Better::Higher ? QStringLiteral("higher") : QStringLiteral("lower")},
                                  {QStringLiteral("parameters"), m_parameters},
                                  {QStringLiteral("baselineIs"), m_baseline},
                                  {QStringLiteral("product"), spreadJson(product)},
                                  {QStringLiteral("baseline"), spreadJson(baseline)},
                                  {QStringLiteral("ratio"), spreadJson(ratio)},
                                  {QStringLiteral("runs"), runs}});
    }

private:
    QString m_name;
    QString m_title;
    QString m_unit;
    Better m_better;
    QJsonObject m_parameters;
    QString m_baseline;
    std::vector<double> m_product;
    std::vector<double> m_baselines;
    std::vector<double> m_ratios;
    QJsonArray m_extras;
};

} // namespace Slate::Bench
