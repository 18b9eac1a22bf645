@_exported import CARBSCore
