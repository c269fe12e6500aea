#include "pinpad.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace Slate::Ui {

PinPad::PinPad(QLineEdit *field, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pinPad"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto addKey = [this, grid](const QString &text, const QString &accessible, int row, int column, auto action) {
        auto *button = new QPushButton(text, this);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
        button->setAccessibleName(accessible);
        button->setMinimumSize(64, 52);
        grid->addWidget(button, row, column);
        connect(button, &QPushButton::clicked, this, action);
    };
    for (int digit = 1; digit <= 9; ++digit) {
        const QString text = QString::number(digit);
        addKey(text, text, (digit - 1) / 3, (digit - 1) % 3, [field, text] { field->insert(text); });
    }
    addKey(tr("Clear"), tr("Clear PIN"), 3, 0, [field] { field->clear(); });
    addKey(QStringLiteral("0"), QStringLiteral("0"), 3, 1, [field] { field->insert(QStringLiteral("0")); });
    addKey(QStringLiteral("⌫"), tr("Erase last digit"), 3, 2, [field] { field->backspace(); });
}

QLineEdit *makePinField(QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(QStringLiteral("pinField"));
    field->setEchoMode(QLineEdit::Password);
    field->setMaxLength(12);
    field->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), field));
    field->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhHiddenText | Qt::ImhSensitiveData);
    field->setPlaceholderText(PinPad::tr("PIN"));
    field->setAccessibleName(PinPad::tr("PIN"));
    return field;
}

} // namespace Slate::Ui
