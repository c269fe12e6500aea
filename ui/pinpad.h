#pragma once
// PinPad: a touch keypad (digits, erase, clear) that types into a PIN field; the keyboard works
// as well. The buttons never take focus, so the field keeps it.

#include <QWidget>

class QLineEdit;

namespace Slate::Ui {

class PinPad : public QWidget {
    Q_OBJECT
public:
    PinPad(QLineEdit *field, QWidget *parent = nullptr);
};

// A PIN field: hidden digits, 4 to 12 of them (core checks the PIN itself).
QLineEdit *makePinField(QWidget *parent);

} // namespace Slate::Ui
