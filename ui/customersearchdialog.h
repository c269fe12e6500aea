#pragma once
// CustomerSearchDialog: attach a customer by scanning their card or searching name, phone,
// card number or e-mail (CustomerDirectory::search).

#include "searchdialog.h"
#include "session.h"

#include <QAbstractTableModel>

namespace Slate::Ui {

class CustomerListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Card, Name, Phone, Email, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_customers.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCustomers(const QList<Core::Customer> &customers);
    const Core::Customer &customer(int row) const { return m_customers.at(row); }

private:
    QList<Core::Customer> m_customers;
};

class CustomerSearchDialog : public SearchDialog {
    Q_OBJECT
public:
    explicit CustomerSearchDialog(const Session &session, QWidget *parent = nullptr);
    // The chosen customer, after accept().
    std::optional<Core::Customer> selected() const;

protected:
    void runSearch(const QString &text) override;

private:
    const Session &m_session;
    CustomerListModel *m_model = nullptr;
};

} // namespace Slate::Ui
