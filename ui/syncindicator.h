#pragma once
// SyncIndicator: what the status bar says about sync — not set up (local only), online, offline
// or refused with the reason, how many of this till's entries wait to be sent, and when the last
// sync succeeded. The app fills it from the sync service (slate_ui does not depend on sync).

#include <QDateTime>
#include <QString>

namespace Slate::Ui {

struct SyncIndicator {
    enum class State { LocalOnly, Starting, Online, Offline, Refused };
    State state = State::LocalOnly;
    QString reason;        // for Offline and Refused
    qint64 entriesWaiting = 0;
    QDateTime lastSyncUtc; // invalid: never
};

} // namespace Slate::Ui
