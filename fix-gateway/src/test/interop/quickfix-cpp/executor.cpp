// An order-executing FIX 4.4 acceptor on stock QuickFIX C++ (Debian's libquickfix), the counterparty of
// QuickFixCppInteropIT. Everything about the session (port, comp ids, data dictionary, validation, store) comes
// from the QuickFIX settings file the test writes, so the acceptor runs in QuickFIX's default configuration.
//
// Behaviour, deterministic so that the test can predict every report:
//   NewOrderSingle (D), limit   -> ExecutionReport ExecType 0 (new); then, if OrderQty <= 100, ExecType F
//                                  (trade) for the whole quantity at the limit price; larger orders rest.
//   NewOrderSingle, other types -> ExecutionReport ExecType 8 (rejected, OrdRejReason 99): a business answer.
//   OrderCancelRequest (F)      -> ExecType 4 (canceled) for a resting order, else OrderCancelReject (9).
//   OrderStatusRequest (H)      -> ExecType I (order status); OrdStatus 8, OrdRejReason 5 if unknown.
//   MarketDataRequest (V), SecurityStatusRequest (e), TradingSessionStatusRequest (g): taken, not answered
//                                  (this executor has no market data); they must still pass validation.
//
// Record, one line per event on stdout (flushed), for the test to assert on:
//   READY                          the acceptor listens
//   IN <raw>                       every message received, before validation (a custom QuickFIX Log)
//   OUT <raw>                      every message sent, including any session Reject (3) QuickFIX generates
//   EVENT <session> <text>         QuickFIX session events (logon, validation failures, disconnects)
//   APP <MsgType> <ClOrdID>        an application message that passed validation and reached the application
// SOH is printed as '|'. The process exits when its stdin closes, so it never outlives the test that started it.

#include <quickfix/Application.h>
#include <quickfix/FileStore.h>
#include <quickfix/Log.h>
#include <quickfix/MessageCracker.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketAcceptor.h>
#include <quickfix/fix44/ExecutionReport.h>
#include <quickfix/fix44/MarketDataRequest.h>
#include <quickfix/fix44/NewOrderSingle.h>
#include <quickfix/fix44/OrderCancelReject.h>
#include <quickfix/fix44/OrderCancelRequest.h>
#include <quickfix/fix44/OrderStatusRequest.h>
#include <quickfix/fix44/SecurityStatusRequest.h>
#include <quickfix/fix44/TradingSessionStatusRequest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>

namespace
{
std::mutex outputLock;

void record(const std::string& kind, const std::string& text)
{
    std::string line = text;
    std::replace(line.begin(), line.end(), '\001', '|');
    std::lock_guard<std::mutex> guard(outputLock);
    std::cout << kind << ' ' << line << std::endl;
}

// The message log QuickFIX writes to, chosen so that the test sees every message on the wire in order, including
// the ones QuickFIX refuses before the application is called.
class RecordingLog : public FIX::Log
{
public:
    explicit RecordingLog(const std::string& session) : session_(session) {}

    void clear() override {}
    void backup() override {}
    void onIncoming(const std::string& raw) override { record("IN", raw); }
    void onOutgoing(const std::string& raw) override { record("OUT", raw); }
    void onEvent(const std::string& text) override { record("EVENT", session_ + " " + text); }

private:
    std::string session_;
};

class RecordingLogFactory : public FIX::LogFactory
{
public:
    FIX::Log* create() override { return new RecordingLog("global"); }
    FIX::Log* create(const FIX::SessionID& sessionId) override { return new RecordingLog(sessionId.toString()); }
    void destroy(FIX::Log* log) override { delete log; }
};

struct Order
{
    std::string orderId;
    std::string symbol;
    char side = 0;
    double quantity = 0;
    double price = 0;
    double cumQty = 0;
    char ordStatus = FIX::OrdStatus_NEW;
};

class Executor : public FIX::Application, public FIX::MessageCracker
{
public:
    void onCreate(const FIX::SessionID&) override {}
    void onLogon(const FIX::SessionID&) override {}
    void onLogout(const FIX::SessionID&) override {}
    void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
    void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
    void fromAdmin(const FIX::Message&, const FIX::SessionID&)
        throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override {}

    void fromApp(const FIX::Message& message, const FIX::SessionID& sessionId)
        throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::UnsupportedMessageType) override
    {
        // Whatever is not cracked below is answered by QuickFIX with a BusinessMessageReject (j), which the test
        // sees as an OUT line.
        crack(message, sessionId);
    }

    void onMessage(const FIX44::NewOrderSingle& order, const FIX::SessionID& sessionId) override
    {
        const std::string clOrdId = order.getField(FIX::FIELD::ClOrdID);
        record("APP", "D " + clOrdId);
        Order& state = orders_[clOrdId];
        state.orderId = "EX" + std::to_string(++orderCount_);
        state.symbol = order.getField(FIX::FIELD::Symbol);
        state.side = order.getField(FIX::FIELD::Side)[0];
        state.quantity = std::stod(order.getField(FIX::FIELD::OrderQty));
        if (order.getField(FIX::FIELD::OrdType)[0] != FIX::OrdType_LIMIT || !order.isSetField(FIX::FIELD::Price))
        {
            state.ordStatus = FIX::OrdStatus_REJECTED;
            FIX44::ExecutionReport reject = report(state, clOrdId, FIX::ExecType_REJECTED);
            reject.set(FIX::OrdRejReason(FIX::OrdRejReason_OTHER));
            reject.set(FIX::Text("this executor takes limit orders only"));
            send(reject, sessionId);
            return;
        }
        state.price = std::stod(order.getField(FIX::FIELD::Price));
        send(report(state, clOrdId, FIX::ExecType_NEW), sessionId);
        if (state.quantity <= 100)
        {
            state.cumQty = state.quantity;
            state.ordStatus = FIX::OrdStatus_FILLED;
            FIX44::ExecutionReport fill = report(state, clOrdId, FIX::ExecType_TRADE);
            fill.set(FIX::LastQty(state.quantity));
            fill.set(FIX::LastPx(state.price));
            send(fill, sessionId);
        }
    }

    void onMessage(const FIX44::OrderCancelRequest& cancel, const FIX::SessionID& sessionId) override
    {
        const std::string clOrdId = cancel.getField(FIX::FIELD::ClOrdID);
        const std::string origClOrdId = cancel.getField(FIX::FIELD::OrigClOrdID);
        record("APP", "F " + clOrdId);
        const auto found = orders_.find(origClOrdId);
        const bool open = found != orders_.end() && (found->second.ordStatus == FIX::OrdStatus_NEW ||
            found->second.ordStatus == FIX::OrdStatus_PARTIALLY_FILLED);
        if (!open)
        {
            FIX44::OrderCancelReject reject(
                FIX::OrderID(found == orders_.end() ? "NONE" : found->second.orderId),
                FIX::ClOrdID(clOrdId),
                FIX::OrigClOrdID(origClOrdId),
                FIX::OrdStatus(found == orders_.end() ? FIX::OrdStatus_REJECTED : found->second.ordStatus),
                FIX::CxlRejResponseTo(FIX::CxlRejResponseTo_ORDER_CANCEL_REQUEST));
            reject.set(FIX::CxlRejReason(found == orders_.end() ? FIX::CxlRejReason_UNKNOWN_ORDER
                : FIX::CxlRejReason_TOO_LATE_TO_CANCEL));
            send(reject, sessionId);
            return;
        }
        Order& state = found->second;
        state.ordStatus = FIX::OrdStatus_CANCELED;
        FIX44::ExecutionReport canceled = report(state, clOrdId, FIX::ExecType_CANCELED);
        canceled.set(FIX::OrigClOrdID(origClOrdId));
        send(canceled, sessionId);
    }

    void onMessage(const FIX44::OrderStatusRequest& request, const FIX::SessionID& sessionId) override
    {
        const std::string clOrdId = request.getField(FIX::FIELD::ClOrdID);
        record("APP", "H " + clOrdId);
        const auto found = orders_.find(clOrdId);
        if (found == orders_.end())
        {
            Order unknown;
            unknown.orderId = "NONE";
            unknown.symbol = request.getField(FIX::FIELD::Symbol);
            unknown.side = request.getField(FIX::FIELD::Side)[0];
            unknown.ordStatus = FIX::OrdStatus_REJECTED;
            FIX44::ExecutionReport status = report(unknown, clOrdId, FIX::ExecType_ORDER_STATUS);
            status.set(FIX::OrdRejReason(FIX::OrdRejReason_UNKNOWN_ORDER));
            send(status, sessionId);
            return;
        }
        send(report(found->second, clOrdId, FIX::ExecType_ORDER_STATUS), sessionId);
    }

    void onMessage(const FIX44::MarketDataRequest& request, const FIX::SessionID&) override
    {
        record("APP", "V " + request.getField(FIX::FIELD::MDReqID));
    }

    void onMessage(const FIX44::SecurityStatusRequest& request, const FIX::SessionID&) override
    {
        record("APP", "e " + request.getField(FIX::FIELD::SecurityStatusReqID));
    }

    void onMessage(const FIX44::TradingSessionStatusRequest& request, const FIX::SessionID&) override
    {
        record("APP", "g " + request.getField(FIX::FIELD::TradSesReqID));
    }

private:
    FIX44::ExecutionReport report(const Order& state, const std::string& clOrdId, char execType)
    {
        const double leaves = state.ordStatus == FIX::OrdStatus_NEW || state.ordStatus ==
            FIX::OrdStatus_PARTIALLY_FILLED ? state.quantity - state.cumQty : 0;
        FIX44::ExecutionReport report(
            FIX::OrderID(state.orderId),
            FIX::ExecID("X" + std::to_string(++execCount_)),
            FIX::ExecType(execType),
            FIX::OrdStatus(state.ordStatus),
            FIX::Side(state.side),
            FIX::LeavesQty(leaves),
            FIX::CumQty(state.cumQty),
            FIX::AvgPx(state.cumQty > 0 ? state.price : 0));
        report.set(FIX::ClOrdID(clOrdId));
        report.set(FIX::Symbol(state.symbol));
        if (state.quantity > 0)
        {
            report.set(FIX::OrderQty(state.quantity));
        }
        if (state.price > 0)
        {
            report.set(FIX::Price(state.price));
        }
        return report;
    }

    static void send(FIX::Message message, const FIX::SessionID& sessionId)
    {
        FIX::Session::sendToTarget(message, sessionId);
    }

    // One map for every session: ClOrdIDs are unique per counterparty, and the gateway has one order-entry session.
    std::map<std::string, Order> orders_;
    long orderCount_ = 0;
    long execCount_ = 0;
};
}

int main(int argc, char** argv)
{
    if (argc != 2)
    {
        std::cerr << "usage: executor SETTINGS_FILE" << std::endl;
        return 2;
    }
    try
    {
        FIX::SessionSettings settings(argv[1]);
        Executor executor;
        FIX::FileStoreFactory storeFactory(settings);
        RecordingLogFactory logFactory;
        FIX::SocketAcceptor acceptor(executor, storeFactory, settings, logFactory);
        acceptor.start();
        record("READY", argv[1]);
        // Run until the test closes our stdin (or dies, which closes it too).
        std::string ignored;
        while (std::getline(std::cin, ignored))
        {
        }
        acceptor.stop();
        return 0;
    }
    catch (const std::exception& ex)
    {
        std::cerr << "executor: " << ex.what() << std::endl;
        return 1;
    }
}
