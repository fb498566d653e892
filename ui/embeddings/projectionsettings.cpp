#include "ui/embeddings/projectionsettings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

ProjectionSettings::ProjectionSettings(QWidget *parent)
    : QWidget(parent), m_method(new QComboBox), m_form(new QFormLayout), m_perplexity(new QDoubleSpinBox),
      m_iterations(new QSpinBox), m_theta(new QDoubleSpinBox), m_neighbours(new QSpinBox),
      m_minDist(new QDoubleSpinBox), m_epochs(new QSpinBox), m_seed(new QSpinBox)
{
    m_method->addItem(tr("PCA"), int(ProjectionMethod::Pca));
    m_method->addItem(tr("t-SNE (Barnes-Hut)"), int(ProjectionMethod::Tsne));
    m_method->addItem(tr("UMAP"), int(ProjectionMethod::Umap));

    m_perplexity->setRange(2, 100);
    m_perplexity->setValue(30);
    m_iterations->setRange(250, 10000);
    m_iterations->setSingleStep(250);
    m_iterations->setValue(1000);
    m_theta->setRange(0, 1);
    m_theta->setSingleStep(0.1);
    m_theta->setValue(0.5);
    m_theta->setToolTip(tr("Barnes-Hut accuracy: 0 is exact (slow), larger is faster and coarser"));

    const chorus::UmapOptions umap;
    m_neighbours->setRange(2, 200);
    m_neighbours->setValue(umap.nNeighbors);
    m_neighbours->setToolTip(tr("Neighbours per point, the point itself included: larger keeps more of the "
                                "global structure, smaller more of the local"));
    m_minDist->setRange(0, 1);
    m_minDist->setSingleStep(0.05);
    m_minDist->setDecimals(3);
    m_minDist->setValue(umap.minDist);
    m_minDist->setToolTip(tr("How tightly points may pack together in the layout"));
    m_epochs->setRange(0, 5000);
    m_epochs->setSingleStep(50);
    m_epochs->setValue(0);
    m_epochs->setSpecialValueText(tr("automatic"));
    m_epochs->setToolTip(tr("Automatic: 500 up to 10,000 points, 200 above"));
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("Perplexity"), m_perplexity);
    m_form->addRow(tr("Iterations"), m_iterations);
    m_form->addRow(tr("Theta"), m_theta);
    m_form->addRow(tr("Neighbours"), m_neighbours);
    m_form->addRow(tr("Minimum distance"), m_minDist);
    m_form->addRow(tr("Epochs"), m_epochs);
    m_form->addRow(tr("Seed"), m_seed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_method);
    layout->addLayout(m_form);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        showFields();
        emit methodChanged();
    });
    showFields();
}

ProjectionMethod ProjectionSettings::method() const
{
    return ProjectionMethod(m_method->currentData().toInt());
}

void ProjectionSettings::setMethod(ProjectionMethod method)
{
    m_method->setCurrentIndex(m_method->findData(int(method)));
}

void ProjectionSettings::showFields()
{
    const ProjectionMethod chosen = method();
    for (QWidget *field : {static_cast<QWidget *>(m_perplexity), static_cast<QWidget *>(m_iterations),
                           static_cast<QWidget *>(m_theta)})
        m_form->setRowVisible(field, chosen == ProjectionMethod::Tsne);
    for (QWidget *field : {static_cast<QWidget *>(m_neighbours), static_cast<QWidget *>(m_minDist),
                           static_cast<QWidget *>(m_epochs)})
        m_form->setRowVisible(field, chosen == ProjectionMethod::Umap);
    m_form->setRowVisible(m_seed, chosen != ProjectionMethod::Pca);
}

chorus::TsneOptions ProjectionSettings::tsneOptions() const
{
    chorus::TsneOptions options;
    options.perplexity = m_perplexity->value();
    options.iterations = m_iterations->value();
    options.theta = m_theta->value();
    options.seed = std::uint64_t(m_seed->value());
    return options;
}

chorus::UmapOptions ProjectionSettings::umapOptions() const
{
    chorus::UmapOptions options;
    options.nNeighbors = m_neighbours->value();
    options.minDist = m_minDist->value();
    options.epochs = m_epochs->value();
    options.seed = std::uint64_t(m_seed->value());
    return options;
}

QString ProjectionSettings::problem(std::size_t rows) const
{
    switch (method()) {
    case ProjectionMethod::Tsne:
        if (const std::string problem = tsneOptions().validate(rows); !problem.empty())
            return tr("t-SNE: %1").arg(QString::fromStdString(problem));
        break;
    case ProjectionMethod::Umap:
        if (const std::string problem = umapOptions().validate(rows); !problem.empty())
            return tr("UMAP: %1").arg(QString::fromStdString(problem));
        break;
    case ProjectionMethod::Pca:
        break;
    }
    return {};
}
