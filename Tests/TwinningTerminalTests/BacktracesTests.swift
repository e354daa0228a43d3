import XCTest
@testable import TwinningTerminal

/// What the program tells the Swift runtime to do on a crash: a report in a
/// private folder (never a prompt or pages of backtrace over the screen),
/// nothing in kiosk mode, and — for the release build, which carries its own
/// runtime — the crash-report helper named where it really is, or reports off,
/// so that no "unable to locate swift-backtrace" line shows at start.
final class BacktracesTests: XCTestCase {
    private let home = ["HOME": "/home/anna"]
    private let program = "/usr/local/bin/twinning"

    func testTheSharedRuntimeFindsItsHelperItself() {
        XCTAssertEqual(Backtraces.backtracer(executable: program, staticRuntime: false, exists: { _ in true }), .runtimeFinds)
        XCTAssertEqual(Backtraces.wantedSetting(kiosk: false, environment: home, backtracer: .runtimeFinds, makeFolder: { _ in true }),
                       "enable=yes,interactive=no,output-to=/home/anna/.local/state/twinning/crashes")
    }

    func testAStaticRuntimeIsToldWhereTheHelperIsBesideTheProgramFirst() {
        let everywhere: (String) -> Bool = { _ in true }
        XCTAssertEqual(Backtraces.backtracer(executable: program, staticRuntime: true, exists: everywhere),
                       .at("/usr/local/bin/swift-backtrace-static"))
        let onlyInLibexec: (String) -> Bool = { $0 == "/usr/local/libexec/swift/linux/swift-backtrace-static" }
        XCTAssertEqual(Backtraces.backtracer(executable: program, staticRuntime: true, exists: onlyInLibexec),
                       .at("/usr/local/libexec/swift/linux/swift-backtrace-static"))
        // The plain helper needs the toolchain's libraries, which a server may not have: not taken.
        let onlyThePlainOne: (String) -> Bool = { $0.hasSuffix("/swift-backtrace") }
        XCTAssertEqual(Backtraces.backtracer(executable: program, staticRuntime: true, exists: onlyThePlainOne), .missing)
        let onlyTheToolchain: (String) -> Bool = { $0 == "/opt/swift/usr/libexec/swift/linux/swift-backtrace-static" }
        let found = Backtraces.backtracer(executable: program, staticRuntime: true, exists: onlyTheToolchain)
        XCTAssertEqual(found, .at("/opt/swift/usr/libexec/swift/linux/swift-backtrace-static"))
        XCTAssertEqual(Backtraces.wantedSetting(kiosk: false, environment: home, backtracer: found, makeFolder: { _ in true }),
                       "enable=yes,interactive=no,output-to=/home/anna/.local/state/twinning/crashes"
                           + ",swift-backtrace=/opt/swift/usr/libexec/swift/linux/swift-backtrace-static")
    }

    func testWithoutAHelperReportsAreOffInsteadOfAWarningAtEveryStart() {
        let missing = Backtraces.backtracer(executable: program, staticRuntime: true, exists: { _ in false })
        XCTAssertEqual(missing, .missing)
        XCTAssertEqual(Backtraces.wantedSetting(kiosk: false, environment: home, backtracer: missing, makeFolder: { _ in true }),
                       Backtraces.kioskSetting)
        // A path with a comma cannot be given in the runtime's comma-separated option list.
        XCTAssertEqual(Backtraces.backtracer(executable: "/srv/a,b/twinning", staticRuntime: true,
                                             exists: { $0.hasPrefix("/srv/a,b/") }), .missing)
    }

    func testKioskModeAndTheUsersOwnSettingWin() {
        for backtracer in [Backtraces.Backtracer.runtimeFinds, .at("/x/swift-backtrace-static"), .missing] {
            XCTAssertEqual(Backtraces.wantedSetting(kiosk: true, environment: home, backtracer: backtracer, makeFolder: { _ in true }),
                           "enable=no", "kiosk mode: never a report or a prompt")
            XCTAssertNil(Backtraces.wantedSetting(kiosk: true, environment: ["SWIFT_BACKTRACE": "enable=no"], backtracer: backtracer,
                                                  makeFolder: { _ in true }), "already right: no restart")
            XCTAssertNil(Backtraces.wantedSetting(kiosk: false, environment: ["SWIFT_BACKTRACE": "enable=yes"], backtracer: backtracer,
                                                  makeFolder: { _ in true }), "the user chose")
        }
        // No private folder for the reports: off, not onto the screen.
        XCTAssertEqual(Backtraces.wantedSetting(kiosk: false, environment: home, backtracer: .runtimeFinds, makeFolder: { _ in false }),
                       "enable=no")
    }

    func testOnlyTheFullScreenProgramIsRestarted() {
        XCTAssertTrue(Backtraces.opensFullScreen([]))
        XCTAssertTrue(Backtraces.opensFullScreen(["--db", "x.sqlite", "--lang", "de"]))
        XCTAssertTrue(Backtraces.opensFullScreen(["open", "--read-only"]))
        XCTAssertFalse(Backtraces.opensFullScreen(["--db", "open", "cities", "search", "x"]))
        XCTAssertFalse(Backtraces.opensFullScreen(["report"]))
    }
}
