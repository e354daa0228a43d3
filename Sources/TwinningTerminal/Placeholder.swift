import CNcursesw
import TwinningUI
