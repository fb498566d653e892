#pragma once

#include "core/projection/tsne.h"
#include "core/projection/umap.h"
#include "ui/embeddings/projectionrunner.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

// The projector's choice of method and the parameters of each, all set before a run starts:
// t-SNE's perplexity, iterations and theta, UMAP's n_neighbors, min_dist and epochs, and the seed
// both use. Only the chosen method's fields are shown.
class ProjectionSettings : public QWidget {
    Q_OBJECT

public:
    explicit ProjectionSettings(QWidget *parent = nullptr);

    ProjectionMethod method() const;
    void setMethod(ProjectionMethod method);
    chorus::TsneOptions tsneOptions() const;
    chorus::UmapOptions umapOptions() const;
    // Empty when the chosen method can run on `rows` points, otherwise what is wrong, prefixed
    // with the method's name.
    QString problem(std::size_t rows) const;

    QComboBox *methodCombo() const { return m_method; }
    QDoubleSpinBox *perplexitySpin() const { return m_perplexity; }
    QSpinBox *iterationsSpin() const { return m_iterations; }
    QDoubleSpinBox *thetaSpin() const { return m_theta; }
    QSpinBox *neighboursSpin() const { return m_neighbours; }
    QDoubleSpinBox *minDistSpin() const { return m_minDist; }
    QSpinBox *epochsSpin() const { return m_epochs; }
    QSpinBox *seedSpin() const { return m_seed; }

signals:
    void methodChanged();

private:
    void showFields();

    QComboBox *m_method;
    QFormLayout *m_form; // one form, so that every method's labels line up
    QDoubleSpinBox *m_perplexity;
    QSpinBox *m_iterations;
    QDoubleSpinBox *m_theta;
    QSpinBox *m_neighbours;
    QDoubleSpinBox *m_minDist;
    QSpinBox *m_epochs;
    QSpinBox *m_seed;
};
