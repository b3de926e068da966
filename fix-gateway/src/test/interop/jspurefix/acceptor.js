'use strict'
// An order-executing FIX 4.4 acceptor on stock jspurefix, the counterparty of Basis's JspurefixInteropIT.
//
// usage: node acceptor.js ORDER_ENTRY_PORT MARKET_DATA_PORT LOG_FILE [DICTIONARY]
//
// Two acceptors, one per gateway session (jspurefix binds one session description to one listener), each in
// jspurefix's default configuration: a FIX 4.4 dictionary jspurefix ships, DICTIONARY being its alias: 'qf44'
// (the default here: QuickFIX-format data/FIX44.xml) or 'repo44' (the FIX repository's, which jspurefix's README
// uses); message validation on (jspurefix's default for an acceptor); the in-memory store.
//
// Behaviour, deterministic so that the test can predict every report (the same as the QuickFIX C++ executor's):
//   NewOrderSingle (D), limit   -> ExecutionReport ExecType 0 (new); then, if OrderQty <= 100, ExecType F
//                                  (trade) for the whole quantity at the limit price; larger orders rest.
//   NewOrderSingle, other types -> ExecutionReport ExecType 8 (rejected, OrdRejReason 99): a business answer.
//   OrderCancelRequest (F)      -> ExecType 4 (canceled) for a resting order, else OrderCancelReject (9).
//   OrderStatusRequest (H)      -> ExecType I (order status); OrdStatus 8, OrdRejReason 5 if unknown.
//   MarketDataRequest (V), SecurityStatusRequest (e), TradingSessionStatusRequest (g): taken, not answered
//                                  (no market data here); they must still pass validation.
//   anything else               -> BusinessMessageReject (j), unsupported message type.
//
// Record, one line per event on stdout, for the test to assert on:
//   READY <port> <port>            both acceptors listen
//   IN <raw>                       every message received, before validation
//   OUT <raw>                      every message sent, including any session Reject (3) jspurefix generates
//   APP <MsgType> <id>             an application message that passed validation and reached the application
// SOH is printed as '|'. jspurefix's own log goes to LOG_FILE, not stdout. The process exits when its stdin
// closes, so it never outlives the test that started it.

require('reflect-metadata')
const {
  AsciiSession,
  JsFixWinstonLogFactory,
  MsgType,
  SessionLauncher,
  WinstonLogger
} = require('jspurefix')

const [orderEntryPort, marketDataPort, logFile, dictionary = 'qf44'] = process.argv.slice(2)
if (!orderEntryPort || !marketDataPort || !logFile) {
  console.error('usage: node acceptor.js ORDER_ENTRY_PORT MARKET_DATA_PORT LOG_FILE [DICTIONARY]')
  process.exit(2)
}

function record (kind, text) {
  process.stdout.write(`${kind} ${String(text).replace(/\x01/g, '|')}\n`)
}

// ClOrdIDs are unique per counterparty and the gateway has one order-entry session: one book for the process.
const orders = new Map()
let orderCount = 0
let execCount = 0

class Executor extends AsciiSession {
  constructor (config) {
    super(config)
    this.logger = config.logFactory.logger(`${this.me}:Executor`)
  }

  onDecoded (msgType, txt) {
    record('IN', txt)
  }

  onEncoded (msgType, txt) {
    record('OUT', txt)
  }

  onLogon () {
    return true
  }

  onReady () {
    this.logger.info('peer logged on')
  }

  onStopped () {
    this.logger.info('stopped')
  }

  onApplicationMsg (msgType, view) {
    switch (msgType) {
      case MsgType.NewOrderSingle:
        this.newOrder(view)
        break
      case MsgType.OrderCancelRequest:
        this.cancel(view)
        break
      case MsgType.OrderStatusRequest:
        this.status(view)
        break
      case MsgType.MarketDataRequest:
        record('APP', `V ${view.getString(262)}`)
        break
      case MsgType.SecurityStatusRequest:
        record('APP', `e ${view.getString(324)}`)
        break
      case MsgType.TradingSessionStatusRequest:
        record('APP', `g ${view.getString(335)}`)
        break
      default:
        record('APP', `${msgType} unsupported`)
        this.send(MsgType.BusinessMessageReject, {
          RefSeqNum: view.getTyped(34),
          RefMsgType: msgType,
          BusinessRejectReason: 3,
          Text: `unsupported message type ${msgType}`
        })
    }
  }

  newOrder (view) {
    const clOrdId = view.getString(11)
    record('APP', `D ${clOrdId}`)
    const order = {
      orderId: `EX${++orderCount}`,
      symbol: view.getString(55),
      side: view.getString(54),
      quantity: Number(view.getString(38)),
      price: view.getString(44) === undefined ? 0 : Number(view.getString(44)),
      cumQty: 0,
      ordStatus: '0'
    }
    orders.set(clOrdId, order)
    if (view.getString(40) !== '2' || order.price <= 0) {
      order.ordStatus = '8'
      this.send(MsgType.ExecutionReport, Object.assign(this.report(order, clOrdId, '8'), {
        OrdRejReason: 99,
        Text: 'this executor takes limit orders only'
      }))
      return
    }
    this.send(MsgType.ExecutionReport, this.report(order, clOrdId, '0'))
    if (order.quantity <= 100) {
      order.cumQty = order.quantity
      order.ordStatus = '2'
      this.send(MsgType.ExecutionReport, Object.assign(this.report(order, clOrdId, 'F'), {
        LastQty: order.quantity,
        LastPx: order.price
      }))
    }
  }

  cancel (view) {
    const clOrdId = view.getString(11)
    const origClOrdId = view.getString(41)
    record('APP', `F ${clOrdId}`)
    const order = orders.get(origClOrdId)
    if (!order || (order.ordStatus !== '0' && order.ordStatus !== '1')) {
      this.send(MsgType.OrderCancelReject, {
        OrderID: order ? order.orderId : 'NONE',
        ClOrdID: clOrdId,
        OrigClOrdID: origClOrdId,
        OrdStatus: order ? order.ordStatus : '8',
        CxlRejResponseTo: '1',
        CxlRejReason: order ? 0 : 1
      })
      return
    }
    order.ordStatus = '4'
    this.send(MsgType.ExecutionReport, Object.assign(this.report(order, clOrdId, '4'), {
      OrigClOrdID: origClOrdId
    }))
  }

  status (view) {
    const clOrdId = view.getString(11)
    record('APP', `H ${clOrdId}`)
    const order = orders.get(clOrdId)
    if (!order) {
      const unknown = {
        orderId: 'NONE', symbol: view.getString(55), side: view.getString(54), quantity: 0, price: 0, cumQty: 0,
        ordStatus: '8'
      }
      this.send(MsgType.ExecutionReport, Object.assign(this.report(unknown, clOrdId, 'I'), { OrdRejReason: 5 }))
      return
    }
    this.send(MsgType.ExecutionReport, this.report(order, clOrdId, 'I'))
  }

  report (order, clOrdId, execType) {
    const open = order.ordStatus === '0' || order.ordStatus === '1'
    const report = {
      OrderID: order.orderId,
      ClOrdID: clOrdId,
      ExecID: `X${++execCount}`,
      ExecType: execType,
      OrdStatus: order.ordStatus,
      Instrument: { Symbol: order.symbol },
      Side: order.side,
      LeavesQty: open ? order.quantity - order.cumQty : 0,
      CumQty: order.cumQty,
      AvgPx: order.cumQty > 0 ? order.price : 0,
      TransactTime: new Date()
    }
    if (order.quantity > 0) {
      report.OrderQtyData = { OrderQty: order.quantity }
    }
    if (order.price > 0) {
      report.Price = order.price
    }
    return report
  }
}

function description (name, port, targetCompId) {
  return {
    application: {
      type: 'acceptor',
      name,
      tcp: { host: '127.0.0.1', port: Number(port) },
      protocol: 'ascii',
      dictionary
    },
    EncryptMethod: 0,
    ResetSeqNumFlag: true,
    HeartBtInt: 30,
    SenderCompId: 'EXEC',
    TargetCompID: targetCompId,
    BeginString: 'FIX.4.4'
  }
}

class Launcher extends SessionLauncher {
  constructor (acceptor, logFactory) {
    super(null, acceptor, logFactory)
  }

  makeFactory () {
    return { makeSession: (config) => new Executor(config) }
  }
}

// jspurefix logs what its sessions do at info level; to a file, so that stdout carries only the record above.
const logFactory = new JsFixWinstonLogFactory(WinstonLogger.fileOptions(logFile, 'info'))
const launchers = [
  new Launcher(description('order-entry', orderEntryPort, 'BASIS-OE'), logFactory),
  new Launcher(description('market-data', marketDataPort, 'BASIS-MD'), logFactory)
]
for (const launcher of launchers) {
  launcher.run().catch((e) => {
    console.error(`acceptor: ${e.message}`)
    process.exit(1)
  })
}

// READY once both listeners are bound. jspurefix announces no 'listening' event, so the Node server inside each
// listener is asked (launcher -> TcpAcceptorListener -> TcpAcceptor -> net.Server).
function listening (launcher) {
  const entity = launcher.acceptorEntity
  return Boolean(entity && entity.acceptor && entity.acceptor.server && entity.acceptor.server.listening)
}
const deadline = Date.now() + 20000
const readyTimer = setInterval(() => {
  if (launchers.every(listening)) {
    clearInterval(readyTimer)
    record('READY', `${orderEntryPort} ${marketDataPort}`)
  } else if (Date.now() > deadline) {
    console.error('acceptor: not listening after 20 s')
    process.exit(1)
  }
}, 20)

process.stdin.resume()
process.stdin.on('end', () => {
  for (const launcher of launchers) {
    launcher.stop()
  }
  process.exit(0)
})
